--TEST--
runtime: FILE hook: file functions inside a coroutine return exactly what PHP's return (values, warnings, stream metadata)
--FILE--
<?php
// Runs the same file operations and logs every result and warning.
function file_ops(string $dir): array {
    $log = [];
    set_error_handler(function ($no, $msg) use (&$log) { $log[] = "warning: $msg"; return true; });
    $f = "$dir/a.txt";
    $fp = fopen($f, 'w+');
    $log[] = fwrite($fp, "line1\nline2\nline3");
    $log[] = fflush($fp);
    $log[] = ftell($fp);
    $log[] = rewind($fp);
    $log[] = fgets($fp);
    $log[] = fread($fp, 3);
    $log[] = fseek($fp, -2, SEEK_END);
    $log[] = fread($fp, 100);
    $log[] = feof($fp);
    $log[] = fread($fp, 100);
    $log[] = fstat($fp)['size'];
    $log[] = ftruncate($fp, 4);
    $log[] = fstat($fp)['size'];
    $meta = stream_get_meta_data($fp);
    $log[] = [$meta['stream_type'], $meta['wrapper_type'], $meta['mode'], $meta['seekable'], $meta['uri'] === $f];
    $log[] = flock($fp, LOCK_EX);
    $log[] = flock($fp, LOCK_UN);
    $log[] = fsync($fp);
    $log[] = fclose($fp);
    $log[] = file_put_contents($f, "x\ny\n");
    $log[] = file_put_contents($f, "z", FILE_APPEND | LOCK_EX);
    $log[] = file_get_contents($f);
    $log[] = file_get_contents($f, false, null, 2, 3);
    $log[] = file($f, FILE_IGNORE_NEW_LINES);
    $log[] = [filesize($f), is_file($f), is_dir($f), file_exists($f), is_readable($f), stat($f)['size'], lstat($f)['size']];
    $fp = fopen($f, 'a');
    $log[] = [ftell($fp), fwrite($fp, "!"), ftell($fp)];
    fclose($fp);
    $log[] = file_get_contents("file://$f");
    $log[] = copy($f, "$dir/b.txt");
    $log[] = rename("$dir/b.txt", "$dir/c.txt");
    $log[] = rename("$dir/nope", "$dir/d.txt");
    $log[] = mkdir("$dir/sub");
    $log[] = mkdir("$dir/sub");
    $log[] = mkdir("$dir/deep/er/est", 0777, true);
    $log[] = touch("$dir/sub/t");
    $names = scandir($dir);
    $log[] = $names;
    $dh = opendir($dir);
    $seen = [];
    while (($e = readdir($dh)) !== false) $seen[] = $e;
    rewinddir($dh);
    $seen[] = readdir($dh) !== false;
    closedir($dh);
    sort($seen);
    $log[] = $seen;
    $log[] = opendir("$dir/missing");
    $log[] = fopen("$dir/missing/x", 'r');
    $log[] = file_get_contents("$dir/missing.txt");
    $log[] = fopen("$dir/c.txt", 'x');
    $log[] = unlink("$dir/c.txt");
    $log[] = unlink("$dir/c.txt");
    $log[] = rmdir("$dir/sub");
    $log[] = unlink("$dir/sub/t");
    $log[] = rmdir("$dir/sub");
    foreach (['deep/er/est', 'deep/er', 'deep'] as $d) $log[] = rmdir("$dir/$d");
    $log[] = unlink($f);
    $log[] = file_exists($f);
    restore_error_handler();
    return $log;
}
$base = sys_get_temp_dir() . '/swoole-runtime-file-' . getmypid();
@mkdir($base);
$native = file_ops($base);
$hooked = null;
Co::set(['hook_flags' => SWOOLE_HOOK_FILE]);
Co\run(function () use ($base, &$hooked) {
    $hooked = file_ops($base);
});
rmdir($base);
if ($hooked === $native) {
    echo "same\n";
} else {
    var_dump($native, $hooked);
}
echo implode("\n", array_filter($native, fn($v) => is_string($v) && str_starts_with($v, 'warning'))), "\n";
?>
--EXPECTF--
same
warning: rename(%s/nope,%s/d.txt): No such file or directory
warning: mkdir(): File exists
warning: opendir(%s/missing): Failed to open directory: No such file or directory
warning: fopen(%s/missing/x): Failed to open stream: No such file or directory
warning: file_get_contents(%s/missing.txt): Failed to open stream: No such file or directory
warning: fopen(%s/c.txt): Failed to open stream: File exists
warning: unlink(%s/c.txt): No such file or directory
warning: rmdir(%s/sub): Directory not empty
