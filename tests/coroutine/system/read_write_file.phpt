--TEST--
system: writeFile / readFile with FILE_APPEND and LOCK_EX; failures log a Swoole WARNING line and set errno only
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swoole-system-file-' . getmypid();
@mkdir($dir);
$log = "$dir/swoole.log";
umask(022);
Co::set(['log_file' => $log]);
Co\run(function () use ($dir) {
    $f = "$dir/data.txt";
    // edge case 19
    var_dump(Co\System::writeFile($f, 'a'));
    var_dump(Co\System::writeFile($f, 'b', FILE_APPEND));
    var_dump(Co\System::readFile($f));
    printf("%o\n", fileperms($f) & 0777);
    var_dump(Co\System::writeFile($f, 'xyz'));          // truncates
    var_dump(Co\System::readFile($f));
    var_dump(Co\System::writeFile($f, 'locked', LOCK_EX));
    var_dump(Co\System::writeFile($f, '+', FILE_APPEND | LOCK_EX));
    var_dump(Co\System::readFile($f, LOCK_EX));
    var_dump(Co\System::writeFile($f, ''));
    var_dump(Co\System::readFile($f));
    $bin = random_bytes(100000) . "\0tail";
    var_dump(Co\System::writeFile($f, $bin) === strlen($bin), Co\System::readFile($f) === $bin);

    swoole_clear_error();
    var_dump(Co\System::readFile("$dir/missing"));
    var_dump(swoole_errno(), swoole_last_error());
    var_dump(Co\System::writeFile("$dir/no/such/dir", 'x'));
    var_dump(swoole_errno(), swoole_last_error());
    var_dump(Co\System::writeFile("$dir/no/such/dir", 'x', FILE_APPEND));
    var_dump(Co\System::readFile($dir));  // a directory: open works, read fails
    var_dump(swoole_errno());
});
echo file_get_contents($log);
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
int(1)
int(1)
string(2) "ab"
644
int(3)
string(3) "xyz"
int(6)
int(1)
string(7) "locked+"
int(0)
string(0) ""
bool(true)
bool(true)
bool(false)
int(2)
int(0)
bool(false)
int(2)
int(0)
bool(false)
bool(false)
int(21)
[%s @%d.0]	WARNING	System::read_file(): open(%s/missing, O_RDONLY) failed, Error: No such file or directory[2]
[%s @%d.0]	WARNING	System::write_file(): open(%s/no/such/dir, 577) failed, Error: No such file or directory[2]
[%s @%d.0]	WARNING	System::write_file(): open(%s/no/such/dir, 1089) failed, Error: No such file or directory[2]
[%s @%d.0]	WARNING	System::read_file(): read(%s) failed, Error: Is a directory[21]
