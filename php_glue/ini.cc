// The php.ini entries of the extension. All are PHP_INI_SYSTEM: they decide
// which modules and classes exist, so they cannot change per request.
#include "glue.h"

namespace swoole::php {
namespace {

IniSettings g_ini;

ZEND_INI_MH(on_update_string_setting) {
    auto *field = static_cast<std::string *>(mh_arg1);
    field->assign(ZSTR_VAL(new_value), ZSTR_LEN(new_value));
    return SUCCESS;
}

ZEND_INI_MH(on_update_bool_setting) {
    *static_cast<bool *>(mh_arg1) = zend_ini_parse_bool(new_value);
    return SUCCESS;
}

#define SW_INI_STRING(name, def, field) \
    ZEND_INI_ENTRY1(name, def, ZEND_INI_SYSTEM, on_update_string_setting, &g_ini.field)
#define SW_INI_BOOL(name, def, field) \
    ZEND_INI_ENTRY1(name, def, ZEND_INI_SYSTEM, on_update_bool_setting, &g_ini.field)

PHP_INI_BEGIN()
SW_INI_STRING("swoole.modules", "", modules)
SW_INI_STRING("swoole.module_dir", "", module_dir)
SW_INI_BOOL("swoole.use_shortname", "1", use_shortname)
SW_INI_BOOL("swoole.enable_coroutine", "1", enable_coroutine)
SW_INI_BOOL("swoole.enable_library", "1", enable_library)
SW_INI_BOOL("swoole.enable_preemptive_scheduler", "0", enable_preemptive_scheduler)
SW_INI_BOOL("swoole.display_errors", "1", display_errors)
PHP_INI_END()

}  // namespace

IniSettings &ini() { return g_ini; }

void register_ini(int type, int module_number) { REGISTER_INI_ENTRIES(); }
void unregister_ini(int type, int module_number) { UNREGISTER_INI_ENTRIES(); }

}  // namespace swoole::php
