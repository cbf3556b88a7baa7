--TEST--
redis client: compatibility_mode stream reply shapes (phpredis's), plain arrays without it
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
function same($actual, $expected, string $what): void {
    if ($actual !== $expected) {
        echo "$what: ", var_export($actual, true), "\n";
    }
}
Co\run(function () {
    $c = redis_connected(['compatibility_mode' => true]);
    $p = redis_connected();
    $s = redis_key('cs');
    $t = redis_key('cs2');
    $c->del($s, $t);
    $c->xAdd($s, '1-1', ['f' => 'a', 'g' => 'b']);
    $c->xAdd($s, '2-1', ['f' => 'c']);
    $c->xAdd($s, '3-1', ['10' => 'x']);
    $c->xAdd($t, '5-1', ['h' => 'i']);

    echo "xRange\n";
    var_dump($c->xRange($s, '-', '+'), $c->xRevRange($s, '+', '-', 1));
    same($p->xRange($s, '-', '+', 1), [['1-1', ['f', 'a', 'g', 'b']]], 'plain xRange');

    echo "xRead\n";
    var_dump($c->xRead([$s => '1-1', $t => '0'], ['count' => 1]));
    same($c->xRead([redis_key('none') => '0']), [], 'compat xRead nil');
    same($p->xRead([redis_key('none') => '0']), null, 'plain xRead nil');

    echo "xReadGroup\n";
    same($c->xGroupCreate($s, 'g', '0'), true, 'group g');
    same($c->xGroupCreate($s, 'empty', '$'), true, 'group empty');
    var_dump($c->xReadGroup('g', 'c1', [$s => '>'], ['count' => 2]));
    same($c->xReadGroup('g', 'c1', [$t => '>']), false, 'NOGROUP');  // NOGROUP error
    same(str_starts_with($c->errMsg, 'NOGROUP'), true, 'errMsg');

    echo "xPending\n";
    var_dump($c->xPending($s, 'g'), $c->xPending($s, 'empty'));
    same($p->xPending($s, 'empty'), [0, null, null, null], 'plain empty summary');
    $ext = $c->xPending($s, 'g', ['start' => '-', 'end' => '+', 'count' => 10]);
    same(count($ext), 2, 'extended count');
    foreach ($ext as $i => $e) {
        same([$e[0], $e[1], $e[3]], [$i ? '2-1' : '1-1', 'c1', 1], 'extended entry');
        same(is_int($e[2]) && $e[2] >= 0, true, 'extended idle');
    }

    echo "xClaim\n";
    var_dump($c->xClaim($s, 'g', 'c2', 0, ['1-1']), $c->xClaim($s, 'g', 'c2', 0, ['2-1'], ['justid' => true]));
    same($p->xClaim($s, 'g', 'c2', 0, ['2-1'], ['justid' => true]), ['2-1'], 'plain justid');

    echo "deleted while pending\n";
    same($c->xDel($s, ['2-1']), 1, 'xDel');
    var_dump($c->xReadGroup('g', 'c2', [$s => '0']));

    echo "xAutoClaim\n";
    var_dump($c->xAutoClaim($s, 'g', 'c3', 0, '0-0', ['count' => 10]));
    var_dump($c->xAutoClaim($s, 'g', 'c3', 0, '0-0', ['justid' => true]));

    echo "xInfo\n";
    $info = $c->xInfoStream($s);
    same([$info['length'], $info['groups'], $info['last-generated-id']], [2, 2, '3-1'], 'xInfoStream');
    var_dump($info['first-entry'], $info['last-entry']);
    $groups = $c->xInfoGroups($s);
    same(array_map(fn($g) => [$g['name'], $g['consumers'], $g['pending'], $g['last-delivered-id']], $groups),
        [['empty', 0, 0, '3-1'], ['g', 3, 1, '2-1']], 'xInfoGroups');
    $consumers = $c->xInfoConsumers($s, 'g');
    same(array_map(fn($x) => [$x['name'], $x['pending']], $consumers), [['c1', 0], ['c2', 0], ['c3', 1]], 'xInfoConsumers');
    same(is_int($consumers[0]['idle']), true, 'consumer idle');
    $plain = $p->xInfoConsumers($s, 'g');
    same([$plain[0][0], $plain[0][1], $plain[0][2], $plain[0][3]], ['name', 'c1', 'pending', 0], 'plain xInfoConsumers');
    same($c->xInfoStream(redis_key('none')), false, 'xInfoStream missing');

    $c->del($s, $t);
});

// Replies not shaped as the command's reply should be keep the plain mapping.
Co\run(function () {
    [$server, $port] = fake_listener();
    $replies = [
        "*1\r\n*2\r\n\$3\r\n1-1\r\n:5\r\n",                                  // xRange: fields not an array
        "*1\r\n*2\r\n\$1\r\ns\r\n:1\r\n",                                    // xRead: messages not an array
        "*1\r\n*2\r\n\$1\r\ns\r\n*2\r\n*2\r\n\$3\r\n1-1\r\n*0\r\n:3\r\n",   // xRead: second message bad
        "*2\r\n\$3\r\n0-0\r\n:7\r\n",                                         // xAutoClaim: claimed not an array
        ":3\r\n",                                                            // xPending, xInfoStream: not arrays
        ":4\r\n",
    ];
    go(function () use ($server, $replies) {
        $conn = $server->accept(5);
        foreach ($replies as $reply) {
            $conn->recv(8192, 5);
            $conn->sendAll($reply);
        }
        $conn->recv(8192, 5);  // until the client closes
    });
    $redis = new Co\Redis(['compatibility_mode' => true, 'timeout' => 5]);
    $redis->connect('127.0.0.1', $port);
    echo json_encode([$redis->xRange('s', '-', '+'), $redis->xRead(['s' => '0']), $redis->xRead(['s' => '0']),
        $redis->xAutoClaim('s', 'g', 'c', 0, '0-0'), $redis->xPending('s', 'g'), $redis->xInfoStream('s')]), "\n";
    $redis->close();
    $server->close();
});
?>
--EXPECTF--
xRange
array(3) {
  ["1-1"]=>
  array(2) {
    ["f"]=>
    string(1) "a"
    ["g"]=>
    string(1) "b"
  }
  ["2-1"]=>
  array(1) {
    ["f"]=>
    string(1) "c"
  }
  ["3-1"]=>
  array(1) {
    [10]=>
    string(1) "x"
  }
}
array(1) {
  ["3-1"]=>
  array(1) {
    [10]=>
    string(1) "x"
  }
}
xRead
array(2) {
  ["phpt:%d:cs"]=>
  array(1) {
    ["2-1"]=>
    array(1) {
      ["f"]=>
      string(1) "c"
    }
  }
  ["phpt:%d:cs2"]=>
  array(1) {
    ["5-1"]=>
    array(1) {
      ["h"]=>
      string(1) "i"
    }
  }
}
xReadGroup
array(1) {
  ["phpt:%d:cs"]=>
  array(2) {
    ["1-1"]=>
    array(2) {
      ["f"]=>
      string(1) "a"
      ["g"]=>
      string(1) "b"
    }
    ["2-1"]=>
    array(1) {
      ["f"]=>
      string(1) "c"
    }
  }
}
xPending
array(4) {
  [0]=>
  int(2)
  [1]=>
  string(3) "1-1"
  [2]=>
  string(3) "2-1"
  [3]=>
  array(1) {
    [0]=>
    array(2) {
      [0]=>
      string(2) "c1"
      [1]=>
      string(1) "2"
    }
  }
}
array(4) {
  [0]=>
  int(0)
  [1]=>
  bool(false)
  [2]=>
  bool(false)
  [3]=>
  array(0) {
  }
}
xClaim
array(1) {
  ["1-1"]=>
  array(2) {
    ["f"]=>
    string(1) "a"
    ["g"]=>
    string(1) "b"
  }
}
array(1) {
  [0]=>
  string(3) "2-1"
}
deleted while pending
array(1) {
  ["phpt:%d:cs"]=>
  array(2) {
    ["1-1"]=>
    array(2) {
      ["f"]=>
      string(1) "a"
      ["g"]=>
      string(1) "b"
    }
    ["2-1"]=>
    NULL
  }
}
xAutoClaim
array(3) {
  [0]=>
  string(3) "0-0"
  [1]=>
  array(1) {
    ["1-1"]=>
    array(2) {
      ["f"]=>
      string(1) "a"
      ["g"]=>
      string(1) "b"
    }
  }
  [2]=>
  array(1) {
    [0]=>
    string(3) "2-1"
  }
}
array(3) {
  [0]=>
  string(3) "0-0"
  [1]=>
  array(1) {
    [0]=>
    string(3) "1-1"
  }
  [2]=>
  array(0) {
  }
}
xInfo
array(1) {
  ["1-1"]=>
  array(2) {
    ["f"]=>
    string(1) "a"
    ["g"]=>
    string(1) "b"
  }
}
array(1) {
  ["3-1"]=>
  array(1) {
    [10]=>
    string(1) "x"
  }
}
[[["1-1",5]],[["s",1]],[["s",[["1-1",[]],3]]],["0-0",7],3,4]
