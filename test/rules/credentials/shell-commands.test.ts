import { SHA512_HASH } from './scan-helpers';
import { argvCredentialsIn, shellCredentialsIn } from '../../../src/rules/credentials/shell-commands';

describe('shellCredentialsIn', () => {
  test.each([
    ['echo "root:s3cret" | chpasswd', 'a password piped into "chpasswd"'],
    ["printf 'root:%s\\n' s3cret | sudo /usr/sbin/chpasswd -c SHA512", 'a password piped into "chpasswd"'],
    ['chpasswd <<< "root:s3cret"', 'a password piped into "chpasswd"'],
    ['chpasswd <<EOF\nroot:s3cret\nEOF', 'a password piped into "chpasswd"'],
    ["cat <<-'EOF' | chpasswd -e\n\troot:$6$x$y\n\tEOF", 'a password piped into "chpasswd"'],
    ['echo s3cret | passwd --stdin root', 'a password piped into "passwd"'],
    ['echo -e "s3cret\\ns3cret" | passwd root', 'a password piped into "passwd"'],
    ['echo -e "pw\\npw" | smbpasswd -a -s rt', 'a password piped into "smbpasswd"'],
    [`usermod -p '${SHA512_HASH}' root`, 'a password hash given to "usermod"'],
    ['usermod --password=abc root', 'a password hash given to "usermod"'],
    ['useradd -m -p abc rt', 'a password hash given to "useradd"'],
    ['useradd -mpabc rt', 'a password hash given to "useradd"'],
    ['useradd --password abc rt', 'a password hash given to "useradd"'],
    ['openssl passwd -6 -salt xyz s3cret', 'a password given to "openssl passwd"'],
    ['echo s3cret | openssl passwd -6 -stdin', 'a password given to "openssl passwd"'],
    ['usermod -p "$(openssl passwd -1 s3cret)" root', 'a password given to "openssl passwd"'],
    ['usermod -p `mkpasswd -m sha-512 s3cret` root', 'a password given to "mkpasswd"'],
    ['sshpass -p s3cret ssh host', 'a password given to "sshpass -p"'],
    ['htpasswd -bc /etc/htpasswd admin s3cret', 'a password given to "htpasswd -b"'],
    ['curl -u admin:s3cret https://h', 'a password given to "curl -u"'],
    ['docker login -u me -p s3cret quay.io', 'a password given to "docker login"'],
    ['mysql --password=s3cret -e "select 1"', 'a "--password" option'],
    ['wget --http-password s3cret https://h', 'a "--http-password" option'],
    ["bash -c 'echo root:s3cret | chpasswd'", 'a password piped into "chpasswd"'],
    ['su -c "echo x | passwd --stdin root"', 'a password piped into "passwd"'],
  ])('%j', (script, what) => {
    expect(shellCredentialsIn(script)).toContain(what);
  });

  test.each([
    'dnf install -y passwd',
    'apt-get install -y whois passwd',
    '# echo root:x | chpasswd',
    'passwd -l root',
    'passwd -d rt',
    'echo "root:$PW" | chpasswd',
    'chpasswd < /run/secrets/passwords',
    'usermod -p "$HASH" root',
    'usermod -p "$(cat /run/secrets/hash)" root',
    "usermod -p '!' root",
    'openssl passwd -6 -stdin < /run/pw',
    'docker login --password-stdin quay.io < /run/token',
    'mytool --password-file /run/pw',
    'adduser --disabled-password rt',
    'sshpass -e ssh host',
    'curl -u "$USER:$PASS" https://h',
    'cat <<EOF | chpasswd -e\nroot:$6$x$y\nEOF',
  ])('no credential in %j', (script) => {
    expect(shellCredentialsIn(script)).toEqual([]);
  });

  test('substitutions inside substitutions are read, to a bounded depth', () => {
    expect(shellCredentialsIn('x=$(echo $(echo $(openssl passwd -1 s3cret)))')).toEqual(['a password given to "openssl passwd"']);
    const deep = `${'$('.repeat(50)}openssl passwd -1 s3cret${')'.repeat(50)}`;
    expect(shellCredentialsIn(deep)).toEqual([]);
  });
});

describe('argvCredentialsIn', () => {
  test('an argument vector is one command, its words taken literally', () => {
    expect(argvCredentialsIn(['usermod', '-p', SHA512_HASH, 'root'])).toEqual(['a password hash given to "usermod"']);
    expect(argvCredentialsIn(['sh', '-c', 'echo root:x | chpasswd'])).toEqual(['a password piped into "chpasswd"']);
    expect(argvCredentialsIn(['dnf', 'install', '-y', 'passwd'])).toEqual([]);
    expect(argvCredentialsIn([])).toEqual([]);
  });
});
