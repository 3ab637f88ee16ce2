import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseComposeYaml, type YamlMap, type YamlNode } from '../support/compose-yaml';
import { ROOT } from '../support/spawn-ts';

const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
const compose = parseComposeYaml(read('docker-compose.yml'));
const services = compose.services as YamlMap;
const service = (name: string): YamlMap => services[name] as YamlMap;
const list = (node: YamlNode | undefined): YamlNode[] => (node === undefined ? [] : Array.isArray(node) ? node : [node]);

/** Variables a service gets: its `environment`, and the keys of each env file's committed example. */
function variables(name: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const file of list(service(name).env_file) as string[]) {
    for (const line of read(`${file}.example`).split('\n')) {
      const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
      if (match !== null) vars.set(match[1], match[2]);
    }
  }
  for (const [key, value] of Object.entries((service(name).environment as YamlMap | undefined) ?? {})) vars.set(key, value as string);
  return vars;
}

/** The source of each mount: a named volume, or a host path for a bind mount. */
const mountSources = (name: string): string[] => (list(service(name).volumes) as string[]).map((v) => v.split(':')[0]);

/** The topology of several hosts, as docs/deployment.md describes it (docker cannot run in the tests). */
describe('docker-compose.yml', () => {
  it('runs PostgreSQL 17 with a pg_isready healthcheck, a named volume and credentials from an env file', () => {
    const postgres = service('postgres');
    expect(postgres.image).toMatch(/^postgres:17/);
    expect(String((postgres.healthcheck as YamlMap).test)).toContain('pg_isready');
    const [volume] = mountSources('postgres');
    expect(Object.keys(compose.volumes as YamlMap)).toContain(volume);
    expect([...variables('postgres').keys()]).toEqual(expect.arrayContaining(['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB']));
    expect(postgres.environment).toBeUndefined();
  });

  it.each(['api', 'worker'])('gives %s the shared database, the master key, the cluster and every interface', (name) => {
    const vars = variables(name);
    expect(vars.get('VIGIE_DATABASE_URL')).toMatch(/^postgres(ql)?:\/\/.*@postgres:5432\//);
    expect(vars.has('VIGIE_MASTER_KEY')).toBe(true);
    expect(vars.get('EVENTSTORE_CONNECTION_STRING')).toMatch(/^esdb:\/\/node1:2113,node2:2113,node3:2113/);
    expect(vars.get('VIGIE_HOST')).toBe('0.0.0.0');
    expect(vars.get('VIGIE_ROLE')).toBe(name);
    expect(Object.keys(service(name).depends_on as YamlMap)).toContain('postgres');
  });

  it('keeps secrets out of the file: the env files are git-ignored, only their examples are committed', () => {
    const ignored = read('.gitignore') + read('.dockerignore');
    for (const name of ['api', 'worker', 'postgres']) {
      for (const file of list(service(name).env_file) as string[]) {
        expect(file).toMatch(/^deploy\/[\w-]+\.env$/);
        expect(ignored).toContain('deploy/*.env');
        expect(read(`${file}.example`)).not.toMatch(/VIGIE_MASTER_KEY=[0-9a-fA-F]{64}/);
      }
    }
  });

  it('shares no volume between api and worker, nor between replicas of either', () => {
    const named = new Set(Object.keys(compose.volumes as YamlMap));
    expect(mountSources('api').filter((v) => named.has(v))).toEqual([]);
    expect(mountSources('worker').filter((v) => named.has(v))).toEqual([]);
    expect(mountSources('api').filter((v) => mountSources('worker').includes(v))).toEqual([]);
  });

  it('scales api behind a proxy, and runs a standby worker', () => {
    expect(service('api').ports).toBeUndefined(); // a fixed host port would refuse a second replica
    const proxy = service('proxy');
    const [config] = mountSources('proxy');
    expect(read(config)).toMatch(/proxy_pass \$api;/);
    expect(read(config)).toContain('http://api:3000');
    expect((service('api').environment as YamlMap).PORT).toBe('3000');
    expect(list(proxy.ports).length).toBe(1);
    expect(Number(((service('worker').deploy as YamlMap | undefined)?.replicas as string | undefined) ?? 1)).toBeGreaterThanOrEqual(2);
    expect(service('worker').command).toContain('dist/apps/worker/apps/worker/src/main.js');
  });

  it('keeps the three-node KurrentDB cluster, configured with the names its image reads', () => {
    for (const node of ['node1', 'node2', 'node3']) {
      expect(service(node).image).toMatch(/^docker\.kurrent\.io\/kurrent-latest\/kurrentdb:/);
      const env = Object.keys(service(node).environment as YamlMap);
      expect(env.every((k) => k.startsWith('KURRENTDB_'))).toBe(true);
      expect(env).toEqual(expect.arrayContaining(['KURRENTDB_CLUSTER_SIZE', 'KURRENTDB_GOSSIP_SEED']));
    }
  });

  it('builds api and worker on Node 22', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile.match(/^FROM node:(\S+)/gm)).toEqual(['FROM node:22-bookworm', 'FROM node:22-bookworm-slim']);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(JSON.parse(read('package.json')).scripts.build).toMatch(/build-apps\.mjs --always api worker/);
  });
});
