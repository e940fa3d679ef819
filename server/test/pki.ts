import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A certificate authority made at test time with the openssl command: a root, an intermediate,
 * a leader's and an organization's certificate, one revoked (listed in the intermediate's CRL),
 * one expired, and a second root nobody trusts with a certificate of its own. Files are PEM.
 */
export interface TestPki {
  dir: string;
  root: string;
  intermediate: string;
  crl: string;
  leader: Identity;
  organization: Identity;
  revoked: Identity;
  expired: Identity;
  stranger: Identity;
  strangerRoot: string;
}

export interface Identity {
  cert: string;
  key: string;
  /** The certificates a signature carries besides the signer's (the intermediate, or none). */
  chain: string;
}

function run(cwd: string, args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function caConfig(dir: string, name: string): string {
  const home = path.join(dir, name);
  fs.mkdirSync(path.join(home, 'issued'), { recursive: true });
  fs.writeFileSync(path.join(home, 'index.txt'), '');
  fs.writeFileSync(path.join(home, 'serial'), '1000\n');
  fs.writeFileSync(path.join(home, 'crlnumber'), '01\n');
  const config = path.join(home, 'ca.cnf');
  fs.writeFileSync(
    config,
    `[ ca ]
default_ca = here
[ here ]
dir = ${home}
database = $dir/index.txt
serial = $dir/serial
crlnumber = $dir/crlnumber
new_certs_dir = $dir/issued
certificate = $dir/ca.pem
private_key = $dir/ca.key
default_md = sha256
default_days = 3650
default_crl_days = 30
policy = anything
unique_subject = no
copy_extensions = none
email_in_dn = no
utf8 = yes
string_mask = utf8only
[ anything ]
commonName = supplied
organizationName = optional
countryName = optional
[ intermediate ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ signer ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`,
  );
  return config;
}

function selfSigned(dir: string, name: string, subject: string): string {
  const home = path.join(dir, name);
  caConfig(dir, name);
  run(home, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '7300',
    '-utf8',
    '-subj',
    subject,
    '-sha256',
    '-addext',
    'basicConstraints=critical,CA:true',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return path.join(home, 'ca.pem');
}

function issue(
  dir: string,
  ca: string,
  file: string,
  subject: string,
  extensions: 'intermediate' | 'signer',
  dates?: { start: string; end: string },
): { cert: string; key: string } {
  const home = path.join(dir, ca);
  const key = path.join(dir, `${file}.key`);
  const csr = path.join(dir, `${file}.csr`);
  const cert = path.join(dir, `${file}.pem`);
  run(dir, ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-utf8', '-subj', subject]);
  run(home, [
    'ca',
    '-batch',
    '-config',
    'ca.cnf',
    '-extensions',
    extensions,
    '-in',
    csr,
    '-out',
    cert,
    '-notext',
    '-utf8',
    ...(dates ? ['-startdate', dates.start, '-enddate', dates.end] : []),
  ]);
  return { cert, key };
}

export function makeTestPki(): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-pki-'));
  const root = selfSigned(dir, 'root', '/CN=Cơ quan chứng thực gốc thử nghiệm/O=Ban Cơ yếu thử nghiệm/C=VN');
  const mid = issue(
    dir,
    'root',
    'intermediate',
    '/CN=CA cấp dưới thử nghiệm/O=Ban Cơ yếu thử nghiệm/C=VN',
    'intermediate',
  );
  // The intermediate becomes a CA of its own for the signers' certificates and its CRL.
  caConfig(dir, 'mid');
  fs.copyFileSync(mid.cert, path.join(dir, 'mid', 'ca.pem'));
  fs.copyFileSync(mid.key, path.join(dir, 'mid', 'ca.key'));
  const signer = (file: string, subject: string, dates?: { start: string; end: string }): Identity => ({
    ...issue(dir, 'mid', file, subject, 'signer', dates),
    chain: mid.cert,
  });
  const leader = signer('leader', '/CN=Nguyễn Văn Chứ/O=Huyện ủy Đồng Văn/C=VN');
  const organization = signer('organization', '/CN=Huyện ủy Đồng Văn/O=Huyện ủy Đồng Văn/C=VN');
  const revoked = signer('revoked', '/CN=Trần Thị Thu Hồi/O=Huyện ủy Đồng Văn/C=VN', {
    start: '20240101000000Z',
    end: '20451231000000Z',
  });
  const expired = signer('expired', '/CN=Lê Văn Hết Hạn/O=Huyện ủy Đồng Văn/C=VN', {
    start: '20200101000000Z',
    end: '20210101000000Z',
  });
  run(path.join(dir, 'mid'), ['ca', '-config', 'ca.cnf', '-revoke', revoked.cert, '-crl_reason', 'keyCompromise']);
  const crl = path.join(dir, 'intermediate.crl.pem');
  run(path.join(dir, 'mid'), ['ca', '-config', 'ca.cnf', '-gencrl', '-out', crl]);

  const strangerRoot = selfSigned(dir, 'stranger-root', '/CN=CA lạ/O=Không ai tin/C=VN');
  const stranger = issue(dir, 'stranger-root', 'stranger', '/CN=Người lạ/O=Không ai tin/C=VN', 'signer');
  return {
    dir,
    root,
    intermediate: mid.cert,
    crl,
    leader,
    organization,
    revoked,
    expired,
    stranger: { ...stranger, chain: '' },
    strangerRoot,
  };
}

/** A trust directory as the operator lays it out: the roots given, the CRLs given. */
export function trustDirFor(pki: TestPki, roots: string[], crls: string[]): string {
  const dir = fs.mkdtempSync(path.join(pki.dir, 'trust-'));
  fs.mkdirSync(path.join(dir, 'roots'));
  fs.mkdirSync(path.join(dir, 'crls'));
  for (const [i, r] of roots.entries()) fs.copyFileSync(r, path.join(dir, 'roots', `${i}.pem`));
  for (const [i, c] of crls.entries()) fs.copyFileSync(c, path.join(dir, 'crls', `${i}.crl`));
  return dir;
}
