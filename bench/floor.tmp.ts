import { rawRead } from './wholeSite';
(async () => { for (let i = 0; i < 3; i++) { const t = performance.now(); await rawRead(process.argv[2]!); console.log('floor', (performance.now() - t).toFixed(0)); } })();
