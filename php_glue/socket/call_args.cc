// The shared argument parsers (call_args.h).
#include "socket/call_args.h"

namespace swoole::php {

bool parse_connect_args(zend_execute_data *execute_data, ConnectArgs &args) {
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_STR(args.host)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(args.port)
        Z_PARAM_DOUBLE(args.timeout)
        Z_PARAM_LONG(args.sock_flag)
    ZEND_PARSE_PARAMETERS_END_EX(return false);
    return true;
}

bool parse_sendfile_args(zend_execute_data *execute_data, SendfileArgs &args) {
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_STR(args.file)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(args.offset)
        Z_PARAM_LONG(args.length)
    ZEND_PARSE_PARAMETERS_END_EX(return false);
    return true;
}

}  // namespace swoole::php
