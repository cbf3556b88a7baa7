// Registers the socket clients: Swoole\Coroutine\Client (Co\Client),
// Swoole\Client (swoole_client), Swoole\Client\Exception and
// swoole_client_select / swoole_select.
#include "client/php_client.h"

namespace swoole::php {

void register_client(int module_number) {
    register_co_client();
    register_sync_client();
    register_client_select();
}

}  // namespace swoole::php
