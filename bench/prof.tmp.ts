import { createPostcraftService, nodeFileSystem } from '../src/core/index';
(async () => {
  const t0 = performance.now();
  const service = createPostcraftService({ fs: nodeFileSystem, oneShot: true } as any);
  const [site] = await service.openWorkspace([process.argv[2]!]);
  const t1 = performance.now();
  const findings = await service.checkSite(site!);
  const t2 = performance.now();
  console.log('index', (t1 - t0).toFixed(0), 'check', (t2 - t1).toFixed(0), 'findings', findings.length, 'tags', site!.tags.size, 'files', site!.files.size);
})();
