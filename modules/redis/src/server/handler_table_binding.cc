#include "server/handler_table.h"

namespace swoole::mod::redis {

namespace {
HashTable *g_handlers = nullptr;  // emalloc'd on first setHandler
}  // namespace

bool lower_command(std::string_view name, char *out) {
    if (name.size() >= kCommandNameLimit) return false;
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    return true;
}

void handler_set(std::string_view name, zval *callable) {
    char key[kCommandNameLimit];
    if (!lower_command(name, key)) return;
    if (!g_handlers) {
        ALLOC_HASHTABLE(g_handlers);
        zend_hash_init(g_handlers, 8, nullptr, ZVAL_PTR_DTOR, 0);
    }
    zval copy;
    ZVAL_COPY(&copy, callable);
    zend_hash_str_update(g_handlers, key, name.size(), &copy);
}

zval *handler_find(std::string_view name) {
    char key[kCommandNameLimit];
    if (!g_handlers || !lower_command(name, key)) return nullptr;
    return zend_hash_str_find(g_handlers, key, name.size());
}

void handler_table_clear() {
    if (!g_handlers) return;
    zend_hash_destroy(g_handlers);
    FREE_HASHTABLE(g_handlers);
    g_handlers = nullptr;
}

}  // namespace swoole::mod::redis
