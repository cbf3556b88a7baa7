// Swoole\Table's object: creation, freeing (which unmaps this process's view
// of the shared memory; other processes keep theirs), the row-to-array
// conversion and the class registration.
#include "memory/php_memory.h"

extern "C" {
#include "zend_interfaces.h"
}

namespace swoole::php {

zend_class_entry *table_ce = nullptr;

namespace {

zend_object_handlers table_handlers;

void table_free_object(zend_object *obj) {
    table_release(table_of(obj));
    zend_object_std_dtor(obj);
}

}  // namespace

void table_release(TableObject *object) {
    table_iterator_reset(object);
    delete object->table;
    object->table = nullptr;
    if (object->column_map) {
        zend_hash_destroy(object->column_map);
        FREE_HASHTABLE(object->column_map);
        object->column_map = nullptr;
    }
    for (uint32_t i = 0; i < object->column_count; ++i) zend_string_release(object->column_names[i]);
    if (object->column_names) efree(object->column_names);
    object->column_names = nullptr;
    object->column_count = 0;
}

void table_iterator_reset(TableObject *object) {
    zval_ptr_dtor(&object->iter_key);
    zval_ptr_dtor(&object->iter_row);
    ZVAL_UNDEF(&object->iter_key);
    ZVAL_UNDEF(&object->iter_row);
}

void table_row_to_array(TableObject *object, const kernel::TableRow &row, zval *out) {
    const auto &columns = object->table->columns();
    array_init_size(out, object->column_count);
    HashTable *ht = Z_ARRVAL_P(out);
    zend_hash_real_init_mixed(ht);
    for (uint32_t i = 0; i < object->column_count; ++i) {
        const kernel::TableColumn &c = columns[i];
        zval value;
        switch (c.type) {
        case kernel::ColumnType::integer: ZVAL_LONG(&value, row.get_int(c)); break;
        case kernel::ColumnType::floating: ZVAL_DOUBLE(&value, row.get_float(c)); break;
        default: {
            std::string_view s = row.get_string(c);
            ZVAL_STRINGL_FAST(&value, s.data(), s.size());
        }
        }
        _zend_hash_append(ht, object->column_names[i], &value);
    }
}

zend_object *table_create_object(zend_class_entry *ce) {
    auto *object = static_cast<TableObject *>(zend_object_alloc(sizeof(TableObject), ce));
    object->table = nullptr;
    object->constructed = false;
    object->column_map = nullptr;
    object->column_names = nullptr;
    object->column_count = 0;
    object->next_slot = 0;
    ZVAL_UNDEF(&object->iter_key);
    ZVAL_UNDEF(&object->iter_row);
    zend_object_std_init(&object->std, ce);
    object_properties_init(&object->std, ce);
    object->std.handlers = &table_handlers;
    return &object->std;
}

void table_init_handlers() {
    table_handlers = std_object_handlers;
    table_handlers.offset = XtOffsetOf(TableObject, std);
    table_handlers.free_obj = table_free_object;
    table_handlers.clone_obj = nullptr;
}

void register_table(int module_number) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Table", table_methods);
    table_ce = zend_register_internal_class(&ce);
    table_ce->create_object = table_create_object;
    table_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    table_init_handlers();
    zend_class_implements(table_ce, 2, zend_ce_iterator, zend_ce_countable);
    zend_register_class_alias("swoole_table", table_ce);

    zend_declare_class_constant_long(table_ce, ZEND_STRL("TYPE_INT"), static_cast<zend_long>(kernel::ColumnType::integer));
    zend_declare_class_constant_long(table_ce, ZEND_STRL("TYPE_FLOAT"), static_cast<zend_long>(kernel::ColumnType::floating));
    zend_declare_class_constant_long(table_ce, ZEND_STRL("TYPE_STRING"), static_cast<zend_long>(kernel::ColumnType::string));
    zend_declare_property_null(table_ce, ZEND_STRL("size"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(table_ce, ZEND_STRL("memorySize"), ZEND_ACC_PUBLIC);
}

}  // namespace swoole::php
