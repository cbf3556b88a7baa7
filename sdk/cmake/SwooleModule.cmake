# Builds a swoole module, in the project's tree or out of it, from sdk/ alone.
#
#   include(<sdk>/cmake/SwooleModule.cmake)
#   swoole_add_module(hello SOURCES hello.cc PHP)
#
# PHP            the module has a PHP binding: PHP's headers come from php-config.
# LIBRARIES ...  extra libraries to link (the module's own dependencies).
# OUTPUT_DIRECTORY where the .so goes (default: SWOOLE_MODULE_OUTPUT_DIR when the
#                project sets it, else the current binary dir).
# The result is <name>.so exporting only `swoole_module_descriptor`.
include_guard(GLOBAL)
get_filename_component(SWOOLE_SDK_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)

function(_swoole_php_includes out)
  if(TARGET php_headers)
    set(${out} php_headers PARENT_SCOPE)
    return()
  endif()
  find_program(SWOOLE_PHP_CONFIG NAMES php-config8.2 php-config REQUIRED)
  execute_process(COMMAND ${SWOOLE_PHP_CONFIG} --includes OUTPUT_VARIABLE raw OUTPUT_STRIP_TRAILING_WHITESPACE)
  separate_arguments(flags UNIX_COMMAND "${raw}")
  set(dirs "")
  foreach(flag ${flags})
    string(REGEX REPLACE "^-I" "" dir "${flag}")
    list(APPEND dirs "${dir}")
  endforeach()
  add_library(php_headers INTERFACE)
  target_include_directories(php_headers SYSTEM INTERFACE ${dirs})
  set(${out} php_headers PARENT_SCOPE)
endfunction()

function(swoole_add_module name)
  cmake_parse_arguments(M "PHP" "OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT M_OUTPUT_DIRECTORY)
    if(SWOOLE_MODULE_OUTPUT_DIR)
      set(M_OUTPUT_DIRECTORY ${SWOOLE_MODULE_OUTPUT_DIR})
    else()
      set(M_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    endif()
  endif()
  add_library(${name} MODULE ${M_SOURCES})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${M_OUTPUT_DIRECTORY})
  target_include_directories(${name} PRIVATE ${SWOOLE_SDK_DIR}/include)
  if(M_PHP)
    _swoole_php_includes(php_target)
    target_link_libraries(${name} PRIVATE ${php_target})
  endif()
  if(M_LIBRARIES)
    target_link_libraries(${name} PRIVATE ${M_LIBRARIES})
  endif()
endfunction()
