// The methods of Swoole\Table (spec process-memory.md §3). Values are
// converted to their column types before the row is locked (a conversion may
// run user code), the row is then written in place under its lock, and log
// lines are written after the lock is released. get() and exist() copy the
// row out without locking it (Table::peek) and build the result from the copy.
#include "memory/php_memory.h"

extern "C" {
#include "ext/standard/php_array.h"
}

#include "base/log.h"

namespace swoole::php {

namespace {

using kernel::ColumnType;
using kernel::TableColumn;
using kernel::TableKey;
using kernel::TableRow;

TableObject *self_object(zval *self) { return table_of(Z_OBJ_P(self)); }

std::string_view view_of(const zend_string *s) { return {ZSTR_VAL(s), ZSTR_LEN(s)}; }

// The table of a constructed (not destroyed) object, else E_ERROR.
kernel::Table *constructed_or_fatal(TableObject *object) {
    if (UNEXPECTED(!object->table)) php_error_docref(nullptr, E_ERROR, "you must call Table constructor first");
    return object->table;
}

// The table once create() ran, else E_ERROR.
kernel::Table *created_or_fatal(TableObject *object) {
    kernel::Table *table = constructed_or_fatal(object);
    if (table && UNEXPECTED(!table->created())) {
        php_error_docref(nullptr, E_ERROR, "table is not created or has been destroyed");
        return nullptr;
    }
    return table;
}

// Index of a column by name, or -1.
int find_column(TableObject *object, const zend_string *name) {
    zval *index = zend_symtable_find(object->column_map, const_cast<zend_string *>(name));
    return index ? static_cast<int>(Z_LVAL_P(index)) : -1;
}

// A value of set() already converted to its column's type.
struct PendingValue {
    enum class Kind : uint8_t { clear, integer, floating, string };
    const TableColumn *column;
    Kind kind;
    union {
        zend_long l;
        double d;
        zend_string *s;  // the string to store
    };
};

// The converted values of one set(), with what the slow paths need to know.
struct PendingRow {
    PendingValue *values;
    uint32_t count = 0;
    uint32_t temporaries = 0;  // strings made by conversion, released afterwards
    bool too_long = false;     // some string exceeds its column's capacity
};

constexpr uint32_t kStackValues = 16;
// get() copies rows up to this size out of the table without locking them;
// larger rows are read under the lock.
constexpr size_t kSnapshotBytes = 1024;

// The column an input key names, or -1. Arrays usually list the columns in
// declaration order, so the column at the entry's position is tried first:
// the names are interned at create(), so a literal key usually is the very
// same string; else hash and bytes are compared before asking the name map.
zend_long column_of_entry(TableObject *object, uint32_t position, zend_string *name, zend_ulong number) {
    zval *index;
    if (!name) {
        index = zend_hash_index_find(object->column_map, number);
    } else {
        if (position < object->column_count) {
            zend_string *expected = object->column_names[position];
            if (name == expected || (ZSTR_H(name) == ZSTR_H(expected) && zend_string_equal_content(name, expected))) {
                return position;
            }
        }
        index = zend_hash_find(object->column_map, name);
    }
    return index ? Z_LVAL_P(index) : -1;
}

// Converts a value of another type (possibly running user code); the string
// case may make a temporary string, kept in *tmp.
void convert_slow(PendingValue &p, zval *value, zend_string **tmp) {
    switch (p.kind) {
    case PendingValue::Kind::integer: p.l = zval_get_long(value); break;
    case PendingValue::Kind::floating: p.d = zval_get_double(value); break;
    default: p.s = zval_get_tmp_string(value, tmp);
    }
}

// Converts the row's entries that name a column; false when a conversion threw.
// Strings made by conversion go to `temporaries` (released by the caller).
bool convert_row(TableObject *object, HashTable *input, PendingRow &row, zend_string **temporaries) {
    const kernel::Table *table = object->table;
    const TableColumn *columns = table->columns().data();
    zend_string *name;
    zend_ulong number;
    zval *value;
    uint32_t position = 0;
    ZEND_HASH_FOREACH_KEY_VAL(input, number, name, value) {
        zend_long index = column_of_entry(object, position++, name, number);
        if (index < 0) continue;
        PendingValue &p = row.values[row.count++];
        p.column = &columns[index];
        ZVAL_DEREF(value);
        switch (p.column->type) {
        case ColumnType::integer:
            p.kind = PendingValue::Kind::integer;
            if (EXPECTED(Z_TYPE_P(value) == IS_LONG)) {
                p.l = Z_LVAL_P(value);
                continue;
            }
            break;
        case ColumnType::floating:
            p.kind = PendingValue::Kind::floating;
            if (EXPECTED(Z_TYPE_P(value) == IS_DOUBLE)) {
                p.d = Z_DVAL_P(value);
                continue;
            }
            break;
        default:
            p.kind = PendingValue::Kind::string;
            if (EXPECTED(Z_TYPE_P(value) == IS_STRING)) {
                p.s = Z_STR_P(value);
                row.too_long |= ZSTR_LEN(p.s) > p.column->capacity;
                continue;
            }
        }
        if (Z_TYPE_P(value) == IS_NULL) {
            p.kind = PendingValue::Kind::clear;
            continue;
        }
        zend_string *tmp = nullptr;
        convert_slow(p, value, &tmp);
        if (tmp) temporaries[row.temporaries++] = tmp;
        if (p.kind == PendingValue::Kind::string) row.too_long |= ZSTR_LEN(p.s) > p.column->capacity;
        if (UNEXPECTED(EG(exception))) return false;
        // User code (a __toString, an error handler) may have replaced the
        // table: stop here, the caller sees it and stores nothing.
        if (UNEXPECTED(object->table != table)) return true;
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

void apply_values(TableRow &row, const PendingRow &pending) {
    for (uint32_t i = 0; i < pending.count; ++i) {
        const PendingValue &p = pending.values[i];
        switch (p.kind) {
        case PendingValue::Kind::clear: row.clear(*p.column); break;
        case PendingValue::Kind::integer: row.set_int(*p.column, p.l); break;
        case PendingValue::Kind::floating: row.set_float(*p.column, p.d); break;
        case PendingValue::Kind::string: row.set_string(*p.column, view_of(p.s)); break;
        }
    }
}

void log_truncated(zend_string *key, const PendingRow &pending) {
    for (uint32_t i = 0; i < pending.count; ++i) {
        const PendingValue &p = pending.values[i];
        if (p.kind == PendingValue::Kind::string && ZSTR_LEN(p.s) > p.column->capacity) {
            SW_WARN("TableRow::set_value(): [key=%s,field=%s]string value is too long", ZSTR_VAL(key),
                    p.column->name.c_str());
        }
    }
}

void fill_single(const TableColumn &c, const TableRow &row, zval *out) {
    switch (c.type) {
    case ColumnType::integer: ZVAL_LONG(out, row.get_int(c)); break;
    case ColumnType::floating: ZVAL_DOUBLE(out, row.get_float(c)); break;
    default: {
        std::string_view s = row.get_string(c);
        ZVAL_STRINGL_FAST(out, s.data(), s.size());
    }
    }
}

// incr()/decr(): sign is +1 or -1.
void add_to_column(INTERNAL_FUNCTION_PARAMETERS, int sign) {
    zend_string *key, *column;
    zval *by = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_STR(key)
        Z_PARAM_STR(column)
        Z_PARAM_OPTIONAL
        Z_PARAM_NUMBER(by)
    ZEND_PARSE_PARAMETERS_END();

    TableObject *object = self_object(ZEND_THIS);
    kernel::Table *table = created_or_fatal(object);
    if (!table) RETURN_FALSE;
    int index = find_column(object, column);
    if (index < 0) {
        php_error_docref(nullptr, E_WARNING, "column[%s] does not exist", ZSTR_VAL(column));
        RETURN_FALSE;
    }
    const TableColumn &c = table->columns()[index];
    if (c.type == ColumnType::string) {
        php_error_docref(nullptr, E_WARNING, "can't execute '%s' on a string type column", sign > 0 ? "incr" : "decr");
        RETURN_FALSE;
    }
    bool ok;
    if (c.type == ColumnType::integer) {
        uint64_t step = by ? static_cast<uint64_t>(zval_get_long(by)) : 1;
        if (sign < 0) step = 0 - step;
        int64_t result = 0;
        ok = table->upsert(TableKey(view_of(key)), [&](TableRow &row, bool) {
            result = static_cast<int64_t>(static_cast<uint64_t>(row.get_int(c)) + step);
            row.set_int(c, result);
        });
        if (ok) RETVAL_LONG(result);
    } else {
        double step = by ? zval_get_double(by) : 1.0;
        if (sign < 0) step = -step;
        double result = 0;
        ok = table->upsert(TableKey(view_of(key)), [&](TableRow &row, bool) {
            result = row.get_float(c) + step;
            row.set_float(c, result);
        });
        if (ok) RETVAL_DOUBLE(result);
    }
    if (!ok) {
        php_error_docref(nullptr, E_WARNING, "failed to %s('%s'), unable to allocate memory", sign > 0 ? "incr" : "decr",
                         ZSTR_VAL(key));
        RETURN_FALSE;
    }
}

// Reads the first used row at or after the object's next slot into the
// iterator state.
void iterator_fetch(TableObject *object) {
    table_iterator_reset(object);
    kernel::Table *table = object->table;
    uint64_t slot = table->visit_from(object->next_slot, [&](const TableRow &row) {
        std::string_view key = row.key();
        ZVAL_STRINGL_FAST(&object->iter_key, key.data(), key.size());
        table_row_to_array(object, row, &object->iter_row);
    });
    object->next_slot = slot < table->total_rows() ? slot + 1 : slot;
}

// ---- methods ----

PHP_METHOD(Table, __construct) {
    zend_long size;
    double proportion = 0.2;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(size)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(proportion)
    ZEND_PARSE_PARAMETERS_END();
    TableObject *object = self_object(ZEND_THIS);
    table_release(object);  // a second __construct starts over
    object->table = new kernel::Table(size, proportion);
    object->constructed = true;
}

PHP_METHOD(Table, column) {
    zend_string *name;
    zend_long type;
    zend_long size = 0;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_STR(name)
        Z_PARAM_LONG(type)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(size)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Table *table = constructed_or_fatal(self_object(ZEND_THIS));
    if (!table) RETURN_FALSE;
    if (type == static_cast<zend_long>(ColumnType::string) && size < 1) {
        php_error_docref(nullptr, E_WARNING, "the length of string type values has to be more than zero");
        RETURN_FALSE;
    }
    if (table->created()) {
        php_error_docref(nullptr, E_WARNING, "unable to add column after table has been created");
        RETURN_FALSE;
    }
    if (type < static_cast<zend_long>(ColumnType::integer) || type > static_cast<zend_long>(ColumnType::string)) {
        SW_WARN("Table::add_column(): unknown column type");
        RETURN_FALSE;
    }
    if (table->column_index(view_of(name)) >= 0) {
        SW_WARN("Table::add_column(): column[%s] already exists", ZSTR_VAL(name));
        RETURN_FALSE;
    }
    if (!table->add_column(view_of(name), static_cast<ColumnType>(type), size)) {
        SW_WARN("Table::add_column(): column[%s] size is too large", ZSTR_VAL(name));
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(Table, create) {
    ZEND_PARSE_PARAMETERS_NONE();
    TableObject *object = self_object(ZEND_THIS);
    kernel::Table *table = constructed_or_fatal(object);
    if (!table) RETURN_FALSE;
    if (!table->created()) {
        if (!table->create()) {
            php_error_docref(nullptr, E_ERROR, "unable to allocate memory");
            RETURN_FALSE;
        }
        const auto &columns = table->columns();
        object->column_count = static_cast<uint32_t>(columns.size());
        object->column_names = static_cast<zend_string **>(safe_emalloc(columns.size() + 1, sizeof(zend_string *), 0));
        ALLOC_HASHTABLE(object->column_map);
        zend_hash_init(object->column_map, static_cast<uint32_t>(columns.size()), nullptr, nullptr, 0);
        for (uint32_t i = 0; i < object->column_count; ++i) {
            // Interned (when the engine allows it at run time), so that the
            // same literal keys in set() arrays match by pointer.
            zend_string *name =
                zend_new_interned_string(zend_string_init(columns[i].name.data(), columns[i].name.size(), 0));
            zend_string_hash_val(name);
            object->column_names[i] = name;
            zval index;
            ZVAL_LONG(&index, i);
            zend_symtable_update(object->column_map, name, &index);
        }
    }
    zend_update_property_long(table_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("size"), static_cast<zend_long>(table->size()));
    zend_update_property_long(table_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("memorySize"),
                              static_cast<zend_long>(table->memory_size()));
    RETURN_TRUE;
}

PHP_METHOD(Table, destroy) {
    ZEND_PARSE_PARAMETERS_NONE();
    TableObject *object = self_object(ZEND_THIS);
    kernel::Table *table = created_or_fatal(object);
    if (!table) RETURN_FALSE;
    table_iterator_reset(object);
    delete table;
    object->table = nullptr;
    RETURN_TRUE;
}

PHP_METHOD(Table, set) {
    zend_string *key;
    HashTable *input;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(key)
        Z_PARAM_ARRAY_HT(input)
    ZEND_PARSE_PARAMETERS_END();
    TableObject *object = self_object(ZEND_THIS);
    kernel::Table *table = created_or_fatal(object);
    if (!table) RETURN_FALSE;
    if (ZSTR_LEN(key) > TableKey::kMaxStored) php_error_docref(nullptr, E_WARNING, "key[%s] is too long", ZSTR_VAL(key));

    TableKey k(view_of(key));
    table->prefetch(k, true);  // the row arrives while the values are converted
    PendingValue stack_values[kStackValues];
    zend_string *stack_temporaries[kStackValues];
    uint32_t capacity = std::min(object->column_count, zend_hash_num_elements(input));
    PendingRow pending;
    pending.values = stack_values;
    zend_string **temporaries = stack_temporaries;
    if (UNEXPECTED(capacity > kStackValues)) {
        pending.values = static_cast<PendingValue *>(safe_emalloc(capacity, sizeof(PendingValue), 0));
        temporaries = static_cast<zend_string **>(safe_emalloc(capacity, sizeof(zend_string *), 0));
    }
    bool converted = convert_row(object, input, pending, temporaries);
    bool ok = false;
    // A conversion may have run user code that destroyed the table.
    if (EXPECTED(converted && object->table == table)) {
        ok = table->upsert(k, [&](TableRow &row, bool) { apply_values(row, pending); });
        if (!ok) {
            php_error_docref(nullptr, E_WARNING, "failed to set('%s'), unable to allocate memory", ZSTR_VAL(key));
        } else if (UNEXPECTED(pending.too_long)) {
            log_truncated(key, pending);
        }
    }
    for (uint32_t i = 0; i < pending.temporaries; ++i) zend_string_release(temporaries[i]);
    if (UNEXPECTED(pending.values != stack_values)) {
        efree(pending.values);
        efree(temporaries);
    }
    if (!converted) RETURN_THROWS();
    RETURN_BOOL(ok);
}

PHP_METHOD(Table, get) {
    zend_string *key;
    zend_string *field = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(key)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(field)
    ZEND_PARSE_PARAMETERS_END();
    TableObject *object = self_object(ZEND_THIS);
    kernel::Table *table = created_or_fatal(object);
    if (!table) RETURN_FALSE;
    const TableColumn *column = nullptr;
    if (field) {
        int index = find_column(object, field);
        if (index < 0) RETURN_FALSE;
        column = &table->columns()[index];
    }
    TableKey k(view_of(key));
    const size_t bytes = table->data_size();
    bool found;
    if (EXPECTED(bytes <= kSnapshotBytes)) {
        // Copy the values without locking the row, then build the result
        // from the copy (allocating under no lock and never twice).
        alignas(8) char snapshot[kSnapshotBytes];
        found = table->peek(k, [&](const TableRow &row) { memcpy(snapshot, row.values(), bytes); });
        if (found) {
            TableRow copy = TableRow::of_values(snapshot);
            if (column) {
                fill_single(*column, copy, return_value);
            } else {
                table_row_to_array(object, copy, return_value);
            }
        }
    } else if (column) {
        found = table->find(k, [&](const TableRow &row) { fill_single(*column, row, return_value); });
    } else {
        found = table->find(k, [&](const TableRow &row) { table_row_to_array(object, row, return_value); });
    }
    if (!found) RETURN_FALSE;
}

PHP_METHOD(Table, exist) {
    zend_string *key;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(key)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Table *table = created_or_fatal(self_object(ZEND_THIS));
    if (!table) RETURN_FALSE;
    RETURN_BOOL(table->peek(TableKey(view_of(key)), [](const TableRow &) {}));
}

PHP_METHOD(Table, del) {
    zend_string *key;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(key)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Table *table = created_or_fatal(self_object(ZEND_THIS));
    if (!table) RETURN_FALSE;
    RETURN_BOOL(table->erase(TableKey(view_of(key))));
}

PHP_METHOD(Table, incr) { add_to_column(INTERNAL_FUNCTION_PARAM_PASSTHRU, 1); }
PHP_METHOD(Table, decr) { add_to_column(INTERNAL_FUNCTION_PARAM_PASSTHRU, -1); }

PHP_METHOD(Table, count) {
    zend_long mode = PHP_COUNT_NORMAL;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(mode)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Table *table = created_or_fatal(self_object(ZEND_THIS));
    if (!table) RETURN_FALSE;
    uint64_t rows = table->count();
    if (mode == PHP_COUNT_RECURSIVE) rows *= table->columns().size();
    RETURN_LONG(static_cast<zend_long>(rows));
}

PHP_METHOD(Table, getSize) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Table *table = self_object(ZEND_THIS)->table;
    RETURN_LONG(table ? static_cast<zend_long>(table->size()) : 0);
}

PHP_METHOD(Table, getMemorySize) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Table *table = self_object(ZEND_THIS)->table;
    RETURN_LONG(table ? static_cast<zend_long>(table->memory_size()) : 0);
}

PHP_METHOD(Table, stats) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Table *table = self_object(ZEND_THIS)->table;
    if (!table || !table->created()) RETURN_FALSE;
    kernel::Table::Stats s = table->stats();
    array_init_size(return_value, 8);
    add_assoc_long(return_value, "num", static_cast<zend_long>(s.num));
    add_assoc_long(return_value, "conflict_count", static_cast<zend_long>(s.conflict_count));
    add_assoc_long(return_value, "conflict_max_level", static_cast<zend_long>(s.conflict_max_level));
    add_assoc_long(return_value, "insert_count", static_cast<zend_long>(s.insert_count));
    add_assoc_long(return_value, "update_count", static_cast<zend_long>(s.update_count));
    add_assoc_long(return_value, "delete_count", static_cast<zend_long>(s.delete_count));
    add_assoc_long(return_value, "available_slice_num", static_cast<zend_long>(s.available_slice_num));
    add_assoc_long(return_value, "total_slice_num", static_cast<zend_long>(s.total_slice_num));
}

PHP_METHOD(Table, rewind) {
    ZEND_PARSE_PARAMETERS_NONE();
    TableObject *object = self_object(ZEND_THIS);
    if (!created_or_fatal(object)) return;
    object->next_slot = 0;
    iterator_fetch(object);
}

PHP_METHOD(Table, next) {
    ZEND_PARSE_PARAMETERS_NONE();
    TableObject *object = self_object(ZEND_THIS);
    if (!created_or_fatal(object)) return;
    iterator_fetch(object);
}

PHP_METHOD(Table, valid) {
    ZEND_PARSE_PARAMETERS_NONE();
    TableObject *object = self_object(ZEND_THIS);
    if (!created_or_fatal(object)) RETURN_FALSE;
    RETURN_BOOL(!Z_ISUNDEF(object->iter_key));
}

PHP_METHOD(Table, current) {
    ZEND_PARSE_PARAMETERS_NONE();
    TableObject *object = self_object(ZEND_THIS);
    if (!created_or_fatal(object)) return;
    if (Z_ISUNDEF(object->iter_row)) RETURN_NULL();
    RETURN_COPY(&object->iter_row);
}

PHP_METHOD(Table, key) {
    ZEND_PARSE_PARAMETERS_NONE();
    TableObject *object = self_object(ZEND_THIS);
    if (!created_or_fatal(object)) return;
    if (Z_ISUNDEF(object->iter_key)) RETURN_NULL();
    RETURN_COPY(&object->iter_key);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, table_size, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, conflict_proportion, IS_DOUBLE, 0, "0.2")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_column, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, type, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, size, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, value, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_get, 0, 1, MAY_BE_ARRAY | MAY_BE_LONG | MAY_BE_DOUBLE | MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, field, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_key, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_incr, 0, 2, MAY_BE_LONG | MAY_BE_DOUBLE | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, column, IS_STRING, 0)
    ZEND_ARG_TYPE_MASK(0, incrby, MAY_BE_LONG | MAY_BE_DOUBLE, "1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_count, 0, 0, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, mode, IS_LONG, 0, "COUNT_NORMAL")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_long, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_stats, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_void, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_mixed, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

}  // namespace

const zend_function_entry table_methods[] = {
    ZEND_ME(Table, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, column, arginfo_column, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, create, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, destroy, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, set, arginfo_set, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, get, arginfo_get, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, count, arginfo_count, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, del, arginfo_key, ZEND_ACC_PUBLIC)
    ZEND_MALIAS(Table, delete, del, arginfo_key, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, exist, arginfo_key, ZEND_ACC_PUBLIC)
    ZEND_MALIAS(Table, exists, exist, arginfo_key, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, incr, arginfo_incr, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, decr, arginfo_incr, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, getSize, arginfo_long, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, getMemorySize, arginfo_long, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, stats, arginfo_stats, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, rewind, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, valid, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, next, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, current, arginfo_mixed, ZEND_ACC_PUBLIC)
    ZEND_ME(Table, key, arginfo_mixed, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

}  // namespace swoole::php
