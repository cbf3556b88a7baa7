// The shared-memory classes: Swoole\Table, Swoole\Atomic, Swoole\Atomic\Long
// and Swoole\Lock (spec process-memory.md §3-§5). Each PHP object owns its
// kernel object; the shared mapping inside it is inherited by processes forked
// after creation, which is how the value is shared.
#pragma once

#include "glue.h"

#include "memory/table.h"

namespace swoole::php {

struct TableObject {
    kernel::Table *table;         // null before __construct and after destroy()
    bool constructed;             // __construct ran (destroy() does not reset it)
    HashTable *column_map;        // column name => index + 1 (symtable keys)
    zend_string **column_names;   // result-array keys, one per column, made at create()
    uint32_t column_count;
    // Iterator state: the row last read and the slot to search from next.
    uint64_t next_slot;
    zval iter_key;
    zval iter_row;
    zend_object std;
};

inline TableObject *table_of(zend_object *obj) {
    return reinterpret_cast<TableObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(TableObject, std));
}

extern zend_class_entry *table_ce;
extern const zend_function_entry table_methods[];
zend_object *table_create_object(zend_class_entry *ce);
void table_init_handlers();

// Builds the row array (columns in declaration order) of a locked row or of
// a copy of one.
void table_row_to_array(TableObject *object, const kernel::TableRow &row, zval *out);
// Frees the table and everything made for it (free handler, second __construct).
void table_release(TableObject *object);
// Releases the iterator's current row.
void table_iterator_reset(TableObject *object);

void register_table(int module_number);
void register_atomic(int module_number);
void register_lock(int module_number);

}  // namespace swoole::php
