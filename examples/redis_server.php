<?php
// A small Redis-compatible key/value server on Swoole\Redis\Server, its data
// in a Swoole\Table (shared by every worker):
//   php examples/redis_server.php [port] [base|process] [worker_num]
// Try it with: redis-cli -p 9502 set k v; redis-cli -p 9502 get k
// Commands: PING [msg], ECHO, SET, GET, DEL, EXISTS, INCR, KEYS pattern
// (a SET reply), HSET key field value [field value ...], HGETALL (a MAP
// reply), CONFIG GET (empty: for redis-benchmark), QUIT.
// The tests include this file and call redis_example_server().

use Swoole\Redis\Server;

function redis_example_server(int $port = 9502, int $mode = SWOOLE_BASE, int $workers = 1, int $rows = 65536): Server
{
    $kv = new Swoole\Table($rows);
    $kv->column('value', Swoole\Table::TYPE_STRING, 512);
    $kv->create();
    $hash = new Swoole\Table($rows);  // "key\0field" => value
    $hash->column('value', Swoole\Table::TYPE_STRING, 512);
    $hash->create();

    $server = new Server('127.0.0.1', $port, $mode);
    $server->set(['worker_num' => $workers, 'log_level' => SWOOLE_LOG_WARNING]);

    $wrong_args = fn(string $cmd) => Server::format(Server::ERROR, "ERR wrong number of arguments for '$cmd' command");
    // format() refuses an empty bulk string (as 4.8 does): write that one by hand.
    $bulk = fn(string $v) => $v === '' ? "\$0\r\n\r\n" : Server::format(Server::STRING, $v);

    $server->setHandler('PING', function (int $fd, array $args) use ($bulk) {
        return $args ? $bulk($args[0]) : Server::format(Server::STATUS, 'PONG');
    });
    $server->setHandler('ECHO', function (int $fd, array $args) use ($wrong_args, $bulk) {
        if (count($args) !== 1) return $wrong_args('echo');
        return $bulk($args[0]);
    });
    $server->setHandler('SET', function (int $fd, array $args) use ($kv, $wrong_args) {
        if (count($args) < 2) return $wrong_args('set');
        if (!$kv->set($args[0], ['value' => $args[1]])) {
            return Server::format(Server::ERROR, 'ERR the table is full or the value too long');
        }
        return Server::format(Server::STATUS);
    });
    $server->setHandler('GET', function (int $fd, array $args) use ($kv, $wrong_args, $bulk) {
        if (count($args) !== 1) return $wrong_args('get');
        $value = $kv->get($args[0], 'value');
        return $value === false ? Server::format(Server::NIL) : $bulk($value);
    });
    $server->setHandler('DEL', function (int $fd, array $args) use ($kv) {
        $n = 0;
        foreach ($args as $key) $n += $kv->del($key) ? 1 : 0;
        return Server::format(Server::INT, $n);
    });
    $server->setHandler('EXISTS', function (int $fd, array $args) use ($kv) {
        $n = 0;
        foreach ($args as $key) $n += $kv->exist($key) ? 1 : 0;
        return Server::format(Server::INT, $n);
    });
    $server->setHandler('INCR', function (int $fd, array $args) use ($kv, $wrong_args) {
        if (count($args) !== 1) return $wrong_args('incr');
        $value = $kv->get($args[0], 'value');
        if ($value !== false && !preg_match('/^-?\d+$/', $value)) {
            return Server::format(Server::ERROR, 'ERR value is not an integer or out of range');
        }
        // Not atomic across workers: an example, not a database.
        $n = (int) $value + 1;
        $kv->set($args[0], ['value' => (string) $n]);
        return Server::format(Server::INT, $n);
    });
    $server->setHandler('KEYS', function (int $fd, array $args) use ($kv, $wrong_args) {
        if (count($args) !== 1) return $wrong_args('keys');
        $keys = [];
        foreach ($kv as $key => $row) {
            if (fnmatch($args[0], $key)) $keys[] = $key;
        }
        sort($keys);
        return Server::format(Server::SET, $keys);
    });
    $server->setHandler('HSET', function (int $fd, array $args) use ($hash, $wrong_args) {
        if (count($args) < 3 || count($args) % 2 !== 1) return $wrong_args('hset');
        $key = array_shift($args);
        $added = 0;
        foreach (array_chunk($args, 2) as [$field, $value]) {
            $added += $hash->exist("$key\0$field") ? 0 : 1;
            $hash->set("$key\0$field", ['value' => $value]);
        }
        return Server::format(Server::INT, $added);
    });
    $server->setHandler('HGETALL', function (int $fd, array $args) use ($hash, $wrong_args, $bulk) {
        if (count($args) !== 1) return $wrong_args('hgetall');
        $map = [];
        $prefix = $args[0] . "\0";
        foreach ($hash as $k => $row) {
            if (str_starts_with($k, $prefix)) $map[substr($k, strlen($prefix))] = $row['value'];
        }
        ksort($map);
        // MAP takes string keys only: numeric field names would become int keys.
        $out = '*' . (2 * count($map)) . "\r\n";
        foreach ($map as $field => $value) {
            $out .= $bulk((string) $field) . $bulk($value);
        }
        return array_filter(array_keys($map), 'is_int') ? $out : Server::format(Server::MAP, $map);
    });
    $server->setHandler('CONFIG', function (int $fd, array $args) {
        return Server::format(Server::SET, []);
    });
    $server->setHandler('QUIT', function (int $fd, array $args) use ($server) {
        $server->send($fd, Server::format(Server::STATUS));
        $server->close($fd);
    });
    return $server;
}

if (PHP_SAPI === 'cli' && isset($argv[0]) && realpath($argv[0]) === __FILE__) {
    $port = (int) ($argv[1] ?? 9502);
    $mode = ($argv[2] ?? 'base') === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
    // setHandler() mirrors each handler into a dynamic property, as 4.8 did;
    // PHP 8.2 reports that as deprecated.
    error_reporting(E_ALL & ~E_DEPRECATED);
    $server = redis_example_server($port, $mode, (int) ($argv[3] ?? 1));
    echo "listening on 127.0.0.1:{$server->port}\n";
    $server->start();
}
