--TEST--
system: exec returns code, signal and output; stderr on request; large output; a killed child
--FILE--
<?php
Co\run(function () {
    var_dump(Co\System::exec('echo hello'));
    var_dump(Co\System::exec('exit 3'));  // edge case 18
    var_dump(Co\System::exec('echo out; echo err 1>&2', true)['output']);
    var_dump(Co\System::exec('kill -9 $$'));
    $big = Co\System::exec("head -c 3000000 /dev/zero | tr '\\0' a");
    var_dump(strlen($big['output']), $big['output'] === str_repeat('a', 3000000), $big['code']);
    var_dump(Co\System::exec('printf "%s" "$0"')['output']);  // through /bin/sh -c
    // Each exec reaps its own child: nothing is left for a wait.
    var_dump(Co\System::wait(0.05));
    // SIGPIPE is back to its default in the child, as in a fresh shell.
    var_dump(Co\System::exec('yes | head -n 2')['output']);
});
?>
--EXPECT--
array(3) {
  ["code"]=>
  int(0)
  ["signal"]=>
  int(0)
  ["output"]=>
  string(6) "hello
"
}
array(3) {
  ["code"]=>
  int(3)
  ["signal"]=>
  int(0)
  ["output"]=>
  string(0) ""
}
string(8) "out
err
"
array(3) {
  ["code"]=>
  int(0)
  ["signal"]=>
  int(9)
  ["output"]=>
  string(0) ""
}
int(3000000)
bool(true)
int(0)
string(2) "sh"
bool(false)
string(4) "y
y
"
