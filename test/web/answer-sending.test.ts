// One answer's way from the box to the server: ids kept for resends, settled by the ack.
import { describe, expect, it } from 'vitest';
import { AnswerSending } from '../../web/answer-sending.js';
import { dispositionFilename } from '../../web/api.js';

const ids = () => {
  let n = 0;
  return () => `id${(n += 1)}`;
};

describe('AnswerSending', () => {
  it('settles on the ack of its own id only', () => {
    const s = new AnswerSending(ids());
    const sent = s.begin('an answer');
    expect(sent).toEqual({ clientId: 'id1', text: 'an answer' });
    expect(s.acked('someone-else')).toBeNull();
    expect(s.pending).not.toBeNull();
    expect(s.acked('id1')).toEqual(sent);
    expect(s.pending).toBeNull();
  });

  it('keeps the id of an unacknowledged answer resent after a dropped connection', () => {
    const s = new AnswerSending(ids());
    s.begin('same text');
    expect(s.lost()).toBe(true);
    expect(s.begin('same text').clientId).toBe('id1');
    expect(s.lost()).toBe(true);
    expect(s.begin('edited text').clientId).toBe('id2');
  });

  it('settles when the ack of an answer sent before the drop is replayed', () => {
    const s = new AnswerSending(ids());
    s.begin('before the drop');
    s.lost();
    expect(s.acked('id1')).toEqual({ clientId: 'id1', text: 'before the drop' });
    expect(s.begin('before the drop').clientId).toBe('id2');
  });

  it('gives a refused answer a new id when it is sent again', () => {
    const s = new AnswerSending(ids());
    s.begin('too long');
    s.refused();
    expect(s.pending).toBeNull();
    expect(s.begin('too long').clientId).toBe('id2');
    expect(new AnswerSending(ids()).lost()).toBe(false);
  });
});

describe('dispositionFilename', () => {
  it.each([
    ['attachment; filename="probe-report-abc-2026-01-02.md"', 'probe-report-abc-2026-01-02.md'],
    ['attachment; filename=report.pdf', 'report.pdf'],
    ['attachment', null],
    [null, null],
  ])('%s gives %s', (header, name) => expect(dispositionFilename(header)).toBe(name));
});
