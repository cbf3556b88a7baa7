// Where the bytes of a response body go as they arrive: a string for
// getBody(), a file for download(), a PHP string in the binding. The parser
// and the decoders write through this interface so a body is never copied
// into an intermediate buffer on its way.
#pragma once

#include <string>
#include <string_view>

namespace swoole::mod::http::client {

class BodySink {
  public:
    virtual ~BodySink() = default;
    // false stops the response with the sink's error (see error()).
    virtual bool write(std::string_view data) = 0;
    // errno-style code of the failure (0 when none).
    virtual int error() const { return 0; }
};

// Appends to a std::string (the tests, and small bodies in the core).
class StringSink final : public BodySink {
  public:
    explicit StringSink(std::string &out) : out_(out) {}
    bool write(std::string_view data) override {
        out_.append(data);
        return true;
    }

  private:
    std::string &out_;
};

}  // namespace swoole::mod::http::client
