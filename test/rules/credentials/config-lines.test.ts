import { secretSettingsIn } from '../../../src/rules/credentials/config-lines';

describe('secretSettingsIn', () => {
  test.each([
    ['password=s3cret', 'a "password" setting'],
    ['  psk = "s3cret"', 'a "psk" setting'],
    ['export DB_PASSWORD=s3cret', 'a "db_password" setting'],
    ['spring.datasource.password: s3cret', 'a "password" setting'],
    ['"client_secret": "s3cret",', 'a "client_secret" setting'],
    ['PrivateKey = s3cret=', 'a "privatekey" setting'],
    ['aws_secret_access_key = s3cret', 'a "aws_secret_access_key" setting'],
    ['GITHUB_TOKEN=ghp_x', 'a "github_token" setting'],
    ['password: |', 'a "password" setting'],
    ['  wpa-psk s3cret', 'a "wpa-psk" setting'],
    ['machine example.com login me password s3cret', 'a ".netrc" password'],
  ])('%j', (line, what) => {
    expect(secretSettingsIn(`# a file\n${line}\r\n`)).toEqual([what]);
  });

  test.each([
    'password=', 'password: ""', 'password=$1', 'PASSWORD="$PW"', 'password=${PW}', 'password: {{ pw }}', 'password = <your password>',
    'password: false', 'private_key = /etc/ssl/key.pem', 'PasswordAuthentication no', 'password required pam_unix.so',
    '# password=x is set later', 'lock_passwd: true', 'echo password: x',
  ])('nothing in %j', (line) => {
    expect(secretSettingsIn(line)).toEqual([]);
  });
});
