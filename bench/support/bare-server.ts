/** The baseline: a bare Fastify JSON route on the same machine, so ratios cancel out the machine's speed. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/api/v1/bare', async () => ({ ok: true, at: new Date().toISOString() }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
