// RESP request framing of Redis\Server (request_parser.h) and the command
// frame it hands to the worker (command_frame.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "server/command_frame.h"
#include "server/request_parser.h"

using namespace swoole::mod::redis;

namespace {

std::vector<std::string> words_of(std::string_view input, const ParsedRequest &req) {
    std::string frame;
    encode_frame(input, req, frame);
    FrameReader reader;
    EXPECT_TRUE(reader.open(frame));
    EXPECT_EQ(reader.argc(), req.argc);
    std::vector<std::string> words;
    std::string_view w;
    while (reader.next(w)) words.emplace_back(w);
    return words;
}

// Parses one complete request from the start of input.
std::vector<std::string> parse_one(std::string_view input, size_t *size = nullptr) {
    ParseState state;
    ParsedRequest req;
    EXPECT_EQ(parse_request(input, state, req), ParseStatus::complete) << input;
    if (size) *size = req.size;
    return words_of(input, req);
}

ParseError parse_error(std::string_view input) {
    ParseState state;
    ParsedRequest req;
    ParseStatus st = parse_request(input, state, req);
    EXPECT_EQ(st, ParseStatus::error) << input;
    return req.error;
}

using Words = std::vector<std::string>;

}  // namespace

TEST(RedisServerParser, MultiBulkRequest) {
    std::string in = "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n";
    size_t size = 0;
    EXPECT_EQ(parse_one(in, &size), (Words{"SET", "key", "value"}));
    EXPECT_EQ(size, in.size());
}

TEST(RedisServerParser, BulkStringsAreBinary) {
    std::string value("a\r\nb\0c*$", 8);
    std::string in = "*2\r\n$4\r\nECHO\r\n$8\r\n" + value + "\r\n";
    EXPECT_EQ(parse_one(in), (Words{"ECHO", value}));
    EXPECT_EQ(parse_one("*2\r\n$3\r\nGET\r\n$0\r\n\r\n"), (Words{"GET", ""}));
    EXPECT_EQ(parse_one("*2\r\n$3\r\nGET\r\n$-0\r\n\r\n"), (Words{"GET", ""}));
}

TEST(RedisServerParser, InlineRequests) {
    EXPECT_EQ(parse_one("PING\r\n"), (Words{"PING"}));
    EXPECT_EQ(parse_one("PING\n"), (Words{"PING"}));
    EXPECT_EQ(parse_one("  set  k\tv  \r\n"), (Words{"set", "k", "v"}));
    EXPECT_EQ(parse_one("SET \"a b\" 'c\\'d'\r\n"), (Words{"SET", "a b", "c'd"}));
    EXPECT_EQ(parse_one("ECHO \"\\x41\\n\\t\\\\\\\"\" 'x\\y'\r\n"), (Words{"ECHO", "A\n\t\\\"", "x\\y"}));
    EXPECT_EQ(parse_one("ECHO a\"b c\" d\r\n"), (Words{"ECHO", "ab c", "d"}));
    EXPECT_EQ(parse_one("ECHO \"\"\r\n"), (Words{"ECHO", ""}));
}

TEST(RedisServerParser, EmptyRequestsAreSkipped) {
    for (std::string in : {"*0\r\n", "*-1\r\n", "\r\n", "   \n"}) {
        ParseState state;
        ParsedRequest req;
        ASSERT_EQ(parse_request(in, state, req), ParseStatus::complete) << in;
        EXPECT_EQ(req.argc, 0u);
        EXPECT_EQ(req.size, in.size());
    }
}

TEST(RedisServerParser, SplitAtEveryByte) {
    const std::vector<std::pair<std::string, Words>> cases = {
        {"*3\r\n$3\r\nSET\r\n$9\r\nk\r\ney\r\n\r\n\r\n$5\r\nvalue\r\n", {"SET", "k\r\ney\r\n\r\n", "value"}},
        {"*1\r\n$4\r\nPING\r\n", {"PING"}},
        {"SET \"a b\" 'c d' e\r\n", {"SET", "a b", "c d", "e"}},
    };
    for (const auto &[full, words] : cases) {
        ParseState state;  // carried over the reads, as the protocol does
        for (size_t n = 0; n < full.size(); ++n) {
            ParsedRequest req;
            ASSERT_EQ(parse_request(std::string_view(full).substr(0, n), state, req), ParseStatus::need_more)
                << "prefix " << n << " of " << full;
        }
        ParsedRequest req;
        ASSERT_EQ(parse_request(full, state, req), ParseStatus::complete);
        EXPECT_EQ(req.size, full.size());
        EXPECT_EQ(words_of(full, req), words);
        // And from a fresh state at each cut (a parser that lost its state).
        for (size_t n = 0; n < full.size(); ++n) {
            ParseState fresh;
            ParsedRequest r;
            EXPECT_EQ(parse_request(std::string_view(full).substr(0, n), fresh, r), ParseStatus::need_more);
        }
    }
}

TEST(RedisServerParser, PipelinedRequestsInOneBuffer) {
    std::string in = "*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\na\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$1\r\nz\r\n*1\r\n$3";
    std::vector<Words> got;
    std::string_view rest = in;
    for (;;) {
        ParseState state;
        ParsedRequest req;
        ParseStatus st = parse_request(rest, state, req);
        if (st != ParseStatus::complete) {
            EXPECT_EQ(st, ParseStatus::need_more);
            break;
        }
        got.push_back(words_of(rest, req));
        rest.remove_prefix(req.size);
    }
    EXPECT_EQ(got, (std::vector<Words>{{"PING"}, {"GET", "a"}, {"PING"}, {"ECHO", "z"}}));
    EXPECT_EQ(rest, "*1\r\n$3");
}

TEST(RedisServerParser, MalformedInput) {
    EXPECT_EQ(parse_error("*x\r\n"), ParseError::bad_multibulk_length);
    EXPECT_EQ(parse_error("*\r\n"), ParseError::bad_multibulk_length);
    EXPECT_EQ(parse_error("*1\rX"), ParseError::bad_multibulk_length);
    EXPECT_EQ(parse_error("*+1\r\n"), ParseError::bad_multibulk_length);
    EXPECT_EQ(parse_error("*1048577\r\n"), ParseError::bad_multibulk_length);
    EXPECT_EQ(parse_error("*99999999999999999999\r\n"), ParseError::bad_multibulk_length);
    EXPECT_EQ(parse_error("*1\r\n:1\r\n"), ParseError::expected_dollar);
    EXPECT_EQ(parse_error("*2\r\n$3\r\nGET\r\n+a\r\n"), ParseError::expected_dollar);
    EXPECT_EQ(parse_error("*1\r\n$-1\r\n"), ParseError::bad_bulk_length);
    EXPECT_EQ(parse_error("*1\r\n$x\r\n"), ParseError::bad_bulk_length);
    EXPECT_EQ(parse_error("*1\r\n$\r\n"), ParseError::bad_bulk_length);
    EXPECT_EQ(parse_error("*1\r\n$536870913\r\n"), ParseError::bad_bulk_length);
    EXPECT_EQ(parse_error("*1\r\n$4\r\nPINGxx"), ParseError::missing_crlf);
    EXPECT_EQ(parse_error("SET \"a b\r\n"), ParseError::unbalanced_quotes);
    EXPECT_EQ(parse_error("SET \"a\"b\r\n"), ParseError::unbalanced_quotes);
    EXPECT_EQ(parse_error("SET 'a\r\n"), ParseError::unbalanced_quotes);
}

TEST(RedisServerParser, LineLimits) {
    std::string long_line(kMaxInlineLength + 1, 'a');
    EXPECT_EQ(parse_error(long_line), ParseError::line_too_long);
    EXPECT_EQ(parse_error("*" + std::string(kMaxInlineLength + 1, '1')), ParseError::line_too_long);
    EXPECT_EQ(parse_error("*1\r\n$" + std::string(kMaxInlineLength + 1, '1')), ParseError::line_too_long);
    // Just under the limit: still waiting for the line end.
    ParseState state;
    ParsedRequest req;
    EXPECT_EQ(parse_request(std::string(kMaxInlineLength, 'a'), state, req), ParseStatus::need_more);
}

TEST(RedisServerParser, CommandNameLimit) {
    std::string name63(63, 'x'), name64(64, 'y');
    EXPECT_EQ(parse_one("*1\r\n$63\r\n" + name63 + "\r\n"), (Words{name63}));
    EXPECT_EQ(parse_one(name63 + "\r\n"), (Words{name63}));

    ParseState state;
    ParsedRequest req;
    ASSERT_EQ(parse_request("*1\r\n$64\r\n" + name64 + "\r\n", state, req), ParseStatus::error);
    EXPECT_EQ(req.error, ParseError::command_too_long);
    EXPECT_EQ(std::string(req.name_head, req.name_head_length), "yyyyyyyy");
    EXPECT_EQ(req.name_length, 64u);

    // Known from the "$" line alone: no need to wait for the name's bytes.
    state = {};
    ASSERT_EQ(parse_request("*2\r\n$100000\r\nab", state, req), ParseStatus::error);
    EXPECT_EQ(std::string(req.name_head, req.name_head_length), "ab");
    EXPECT_EQ(req.name_length, 100000u);

    state = {};
    ASSERT_EQ(parse_request("\"" + name64 + "\" x\r\n", state, req), ParseStatus::error);
    EXPECT_EQ(req.error, ParseError::command_too_long);
    EXPECT_EQ(std::string(req.name_head, req.name_head_length), "yyyyyyyy");
    EXPECT_EQ(req.name_length, 64u);
    // Arguments may be longer.
    EXPECT_EQ(parse_one("SET " + name64 + "\r\n"), (Words{"SET", name64}));
}

TEST(RedisServerFrame, RejectsInconsistentFrames) {
    FrameReader reader;
    EXPECT_FALSE(reader.open(""));
    EXPECT_FALSE(reader.open(std::string("\x02\0\0\0\x01\0\0\0", 8)));  // table cut short
    std::string frame;
    ParseState state;
    ParsedRequest req;
    std::string in = "*2\r\n$1\r\na\r\n$2\r\nbc\r\n";
    ASSERT_EQ(parse_request(in, state, req), ParseStatus::complete);
    encode_frame(in, req, frame);
    EXPECT_EQ(frame.size(), 4u + 8u + 3u);
    EXPECT_TRUE(reader.open(frame));
    EXPECT_FALSE(reader.open(frame + "x"));
    EXPECT_FALSE(reader.open(frame.substr(0, frame.size() - 1)));
}
