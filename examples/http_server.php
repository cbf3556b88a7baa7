<?php
// Hello world over Swoole\Http\Server: `tools/run`, then open the printed URL.
// GET /           -> "Hello World"
// GET /headers    -> the request headers as JSON
// GET /stream     -> a chunked response written in three parts
$server = new Swoole\Http\Server('127.0.0.1', 9501, SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('request', function (Swoole\Http\Request $request, Swoole\Http\Response $response) {
    switch ($request->server['request_uri']) {
        case '/headers':
            $response->header('Content-Type', 'application/json');
            $response->end(json_encode($request->header, JSON_PRETTY_PRINT) . "\n");
            break;
        case '/stream':
            foreach (['one ', 'two ', "three\n"] as $part) {
                $response->write($part);
            }
            $response->end();
            break;
        default:
            $response->end('Hello World');
    }
});
echo "listening on http://127.0.0.1:9501/\n";
$server->start();
