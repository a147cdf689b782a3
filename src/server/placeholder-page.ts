// The page served at / when the web app has not been built (no dist/web).

export function placeholderPage(interviewer: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Probe</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Probe is running</h1>
<p>The server is up (interviewer: ${interviewer.replace(/[<>&"]/g, '')}), but the web app has not been built.
Build it into <code>dist/web</code>, or use the API: <code>POST /api/sessions</code>, then the WebSocket
at <code>/api/sessions/:id/ws</code> (see <code>docs/protocol.md</code>).</p>
<p><a href="/healthz">/healthz</a> · <a href="/api/topics">/api/topics</a> · <a href="/api/info">/api/info</a></p>
</body>
</html>
`;
}
