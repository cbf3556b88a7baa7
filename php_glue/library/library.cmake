# The embedded PHP library: php/*.php become one generated C++ source of the
# swoole target. Included from php_glue/CMakeLists.txt after the target exists.
# Listed explicitly: the order is the order the files run in at request start.
set(swoole_library_php WaitGroup.php Barrier.php functions.php aliases.php)

set(swoole_library_dir ${CMAKE_CURRENT_LIST_DIR})
set(swoole_library_cc ${CMAKE_CURRENT_BINARY_DIR}/library_sources.cc)
list(TRANSFORM swoole_library_php PREPEND ${swoole_library_dir}/php/ OUTPUT_VARIABLE swoole_library_files)
string(REPLACE ";" "," swoole_library_names "${swoole_library_php}")
add_custom_command(OUTPUT ${swoole_library_cc}
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${swoole_library_dir}/php -DNAMES=${swoole_library_names}
          -DOUTPUT=${swoole_library_cc} -P ${swoole_library_dir}/embed.cmake
  DEPENDS ${swoole_library_dir}/embed.cmake ${swoole_library_files}
  COMMENT "Embedding the PHP library"
  VERBATIM)
target_sources(swoole PRIVATE ${swoole_library_cc})
