--TEST--
swoole_mime_type_*: built-in table, lookup by file name, add/set/delete/exists/list
--FILE--
<?php
foreach (['index.html', 'a.htm', 'style.css', 'app.js', 'mod.mjs', 'data.json', 'feed.xml', 'readme.txt',
          'logo.png', 'photo.jpg', 'photo.jpeg', 'anim.gif', 'pic.webp', 'icon.svg', 'favicon.ico', 'doc.pdf',
          'a.zip', 'a.tar.gz', 'a.tar', 'song.mp3', 'movie.mp4', 'clip.webm', 'prog.wasm', 'f.woff', 'f.woff2',
          'f.ttf', 'f.otf', 'table.csv', 'notes.md'] as $f) {
    echo $f, ' => ', swoole_mime_type_get($f), "\n";
}
// Case-insensitive suffixes, paths, a bare suffix, unknown names.
var_dump(swoole_mime_type_get('/var/www/INDEX.HTML'), swoole_mime_type_get('Photo.JpG'),
         swoole_mime_type_get('html'), swoole_mime_type_get('/srv/v1.2/README'),
         swoole_mime_type_get('file.unknownext'), swoole_mime_type_get('noext'), swoole_mime_type_get(''),
         swoole_mime_type_get('trailingdot.'));
var_dump(swoole_get_mime_type('a.css') === swoole_mime_type_get('a.css'));
var_dump(swoole_mime_type_exists('x.png'), swoole_mime_type_exists('X.PNG'), swoole_mime_type_exists('x.nope'));

// add: only new suffixes
var_dump(swoole_mime_type_add('html', 'text/x-other'));
var_dump(swoole_mime_type_get('a.html'));
var_dump(swoole_mime_type_add('swx', 'application/x-swoole-test'));
var_dump(swoole_mime_type_get('file.swx'), swoole_mime_type_get('FILE.SWX'), swoole_mime_type_exists('a.swx'));
var_dump(swoole_mime_type_add('SWX', 'text/plain'));
// set: add or replace
var_dump(swoole_mime_type_set('swx', 'text/x-replaced'));
var_dump(swoole_mime_type_get('a.swx'));
swoole_mime_type_set('Newext', 'text/x-new');
var_dump(swoole_mime_type_get('b.newext'));
// delete
var_dump(swoole_mime_type_delete('swx'), swoole_mime_type_delete('swx'), swoole_mime_type_get('a.swx'),
         swoole_mime_type_exists('a.swx'));

$list = swoole_mime_type_list();
var_dump(array_is_list($list), count($list) >= 100, in_array('text/html', $list, true),
         in_array('text/x-new', $list, true), in_array('text/x-replaced', $list, true));

try {
    swoole_mime_type_add('x');
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
index.html => text/html
a.htm => text/html
style.css => text/css
app.js => application/javascript
mod.mjs => application/javascript
data.json => application/json
feed.xml => application/xml
readme.txt => text/plain
logo.png => image/png
photo.jpg => image/jpeg
photo.jpeg => image/jpeg
anim.gif => image/gif
pic.webp => image/webp
icon.svg => image/svg+xml
favicon.ico => image/x-icon
doc.pdf => application/pdf
a.zip => application/zip
a.tar.gz => application/gzip
a.tar => application/x-tar
song.mp3 => audio/mpeg
movie.mp4 => video/mp4
clip.webm => video/webm
prog.wasm => application/wasm
f.woff => font/woff
f.woff2 => font/woff2
f.ttf => font/ttf
f.otf => font/otf
table.csv => text/csv
notes.md => text/markdown
string(9) "text/html"
string(10) "image/jpeg"
string(9) "text/html"
string(24) "application/octet-stream"
string(24) "application/octet-stream"
string(24) "application/octet-stream"
string(24) "application/octet-stream"
string(24) "application/octet-stream"
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
string(9) "text/html"
bool(true)
string(25) "application/x-swoole-test"
string(25) "application/x-swoole-test"
bool(true)
bool(false)
NULL
string(15) "text/x-replaced"
string(10) "text/x-new"
bool(true)
bool(false)
string(24) "application/octet-stream"
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
swoole_mime_type_add() expects exactly 2 arguments, 1 given
