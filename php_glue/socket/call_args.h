// Argument lists that several socket classes take alike, parsed once:
// connect() of both clients and sendfile()/sendFile() of all three classes.
// Each parser returns false when the arguments were refused (the TypeError
// or ArgumentCountError is thrown); the caller then returns at once.
#pragma once

#include "glue.h"

namespace swoole::php {

// connect(string $host, int $port = 0, float $timeout = <default>, int $sock_flag = 0)
struct ConnectArgs {
    zend_string *host = nullptr;
    zend_long port = 0;
    double timeout = 0;  // set the class's default before parsing
    zend_long sock_flag = 0;
};
bool parse_connect_args(zend_execute_data *execute_data, ConnectArgs &args);

// sendfile(string $filename, int $offset = 0, int $length = 0)
struct SendfileArgs {
    zend_string *file = nullptr;
    zend_long offset = 0;
    zend_long length = 0;
};
bool parse_sendfile_args(zend_execute_data *execute_data, SendfileArgs &args);

}  // namespace swoole::php
