// The setup page: mode, topics (with question counts), difficulty, number of questions, follow-ups
// and an optional time limit; shows which interviewer will run it; starts the session.
import type { ServerInfo, TopicView } from '../../src/protocol/http.js';
import { createSession, getInfo, getTopics } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { interviewerLabel, plural } from '../format.js';
import { createBody, DEFAULT_SETUP, DIFFICULTY_NAMES, matchingCount, type SetupValues } from '../setup-options.js';
import { saveSession } from '../storage.js';
import { announcePage, type Unmount, type ViewContext } from './context.js';
import { errorBox, field, radio } from './widgets.js';
import { weakSpotsButton } from './progress-weak-spots.js';

/** Mounts the setup page. */
export function mountSetup(root: HTMLElement, ctx: ViewContext): Unmount {
  const heading = h('h1', {}, 'Set up an interview');
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading the question bank…'));
  root.append(heading, body, h('section', { class: 'weak-spots-offer', 'aria-label': 'Practise your weak spots' }, h('h2', {}, 'Or practise your weak spots'), h('p', { class: 'hint' }, 'A drill of the key points you missed or that are due again, from your progress.'), weakSpotsButton(ctx)));
  announcePage(heading, 'New interview');
  let live = true;
  Promise.all([getInfo(), getTopics()]).then(
    ([info, topics]) => live && replaceChildren(body, setupForm(info, topics, ctx)),
    (error: unknown) => live && replaceChildren(body, errorBox(error, () => ctx.navigate({ view: 'setup' }))),
  );
  return () => {
    live = false;
  };
}

function setupForm(info: ServerInfo, topics: TopicView[], ctx: ViewContext): HTMLFormElement {
  const status = h('p', { class: 'form-status', 'aria-live': 'polite' });
  const error = h('div', { class: 'form-error', role: 'alert' });
  const count = h('input', { type: 'number', id: 'question-count', name: 'questionCount', min: 1, max: 30, value: DEFAULT_SETUP.questionCount, required: true, inputmode: 'numeric' });
  const followUps = h('input', { type: 'number', id: 'follow-ups', name: 'maxFollowUps', min: 0, max: 5, value: DEFAULT_SETUP.maxFollowUps, required: true, inputmode: 'numeric' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Start interview');
  const form = h(
    'form',
    { class: 'setup', novalidate: true, 'aria-label': 'Interview setup' },
    modeFieldset(),
    topicsFieldset(topics),
    h('div', { class: 'row' }, difficultyField(), field('Number of questions', count)),
    h('div', { class: 'row' }, field('Most follow-ups per question', followUps), timeLimitField()),
    status,
    h('p', { class: 'interviewer' }, 'Interviewer: ', h('strong', {}, interviewerLabel(info.interviewer)), '.'),
    error,
    h('div', { class: 'actions' }, submit),
  );
  const refresh = () => {
    const n = matchingCount(topics, readValues(form));
    status.textContent = `${plural(n, 'question')} in the bank ${n === 1 ? 'matches' : 'match'} these topics and levels.`;
  };
  form.addEventListener('change', refresh);
  refresh();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void start(form, submit, error, ctx);
  });
  return form;
}

async function start(form: HTMLFormElement, submit: HTMLButtonElement, error: HTMLElement, ctx: ViewContext): Promise<void> {
  const values = readValues(form);
  const problem = checkValues(values);
  error.replaceChildren();
  if (problem) {
    error.append(h('p', {}, problem));
    return;
  }
  submit.disabled = true;
  submit.textContent = 'Starting…';
  try {
    const created = await createSession(createBody(values));
    saveSession(ctx.store, {
      id: created.id,
      token: created.token,
      websocket: created.websocket,
      mode: created.mode,
      topics: values.topics,
      questionCount: created.questionCount,
      interviewer: created.interviewer,
      createdAt: Date.now(),
      questionTimeLimitSeconds: values.questionTimeLimitSeconds,
      status: 'active',
      overall: null,
    });
    ctx.navigate({ view: 'interview', id: created.id });
  } catch (cause) {
    error.append(h('p', {}, cause instanceof Error ? cause.message : String(cause)));
    submit.disabled = false;
    submit.textContent = 'Start interview';
  }
}

function checkValues(v: SetupValues): string | null {
  if (!Number.isInteger(v.questionCount) || v.questionCount < 1 || v.questionCount > 30) return 'Number of questions: choose a whole number from 1 to 30.';
  if (!Number.isInteger(v.maxFollowUps) || v.maxFollowUps < 0 || v.maxFollowUps > 5) return 'Follow-ups per question: choose a whole number from 0 to 5.';
  return null;
}

function readValues(form: HTMLFormElement): SetupValues {
  const data = new FormData(form);
  const limit = String(data.get('questionTimeLimitSeconds') ?? '');
  const [min, max] = String(data.get('difficulty') ?? '1-3').split('-').map(Number);
  return {
    mode: data.get('mode') === 'drill' ? 'drill' : 'mock',
    topics: data.getAll('topics').map(String),
    difficultyMin: min ?? 1,
    difficultyMax: max ?? 3,
    questionCount: Number(data.get('questionCount')),
    maxFollowUps: Number(data.get('maxFollowUps')),
    questionTimeLimitSeconds: limit === '' ? null : Number(limit),
  };
}

function modeFieldset(): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, 'Mode'),
    radio('mode', 'mock', 'Mock interview', 'Questions and follow-ups as in a real interview; scores at the end.', true),
    radio('mode', 'drill', 'Drill', 'After every answer: the key points you covered and missed, hints, retries.', false),
  );
}

function topicsFieldset(topics: TopicView[]): HTMLFieldSetElement {
  const list = h('ul', { class: 'topic-list' });
  // The server lists topics in the guide's order (the bank's `order`), foundations first.
  for (const topic of topics) {
    const id = `topic-${topic.id}`;
    list.append(
      h(
        'li',
        {},
        h('input', { type: 'checkbox', id, name: 'topics', value: topic.id, 'aria-describedby': `${id}-desc` }),
        h('label', { for: id }, topic.title, ' ', h('span', { class: 'count' }, `(${plural(topic.questionCount, 'question')})`)),
        h('p', { id: `${id}-desc`, class: 'hint' }, topic.description),
      ),
    );
  }
  return h('fieldset', { class: 'topics' }, h('legend', {}, 'Topics ', h('span', { class: 'hint' }, '(none chosen means all)')), list);
}

function difficultyField(): HTMLElement {
  const ranges: [number, number][] = [[1, 3], [1, 1], [1, 2], [2, 2], [2, 3], [3, 3]];
  const name = (min: number, max: number) =>
    min === 1 && max === 3 ? 'All levels (1–3)' : min === max ? `${capital(DIFFICULTY_NAMES[min] ?? '')} only (${min})` : `${capital(DIFFICULTY_NAMES[min] ?? '')} to ${DIFFICULTY_NAMES[max]} (${min}–${max})`;
  const select = h('select', { name: 'difficulty', id: 'difficulty' }, ...ranges.map(([min, max]) => h('option', { value: `${min}-${max}` }, name(min, max))));
  return field('Difficulty', select);
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function timeLimitField(): HTMLElement {
  const options: [string, string][] = [['', 'No limit'], ['60', '1 minute'], ['120', '2 minutes'], ['180', '3 minutes'], ['300', '5 minutes'], ['600', '10 minutes']];
  const select = h('select', { name: 'questionTimeLimitSeconds', id: 'time-limit' }, ...options.map(([value, label]) => h('option', { value }, label)));
  return field('Time limit per question', select);
}
