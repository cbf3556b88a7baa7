// download(): the response body written to a file as it arrives. The file
// is opened at the first body byte (created 0664), truncated unless an
// offset was given, else written from that offset (resuming with a Range
// request). Like 4.8, a response without body bytes leaves the file alone.
#pragma once

#include <cstdint>
#include <string>

#include "client/body_sink.h"

namespace swoole::mod::http::client {

class FileSink final : public BodySink {
  public:
    FileSink(std::string path, int64_t offset) : path_(std::move(path)), offset_(offset) {}
    ~FileSink() override;
    FileSink(const FileSink &) = delete;
    FileSink &operator=(const FileSink &) = delete;

    bool write(std::string_view data) override;
    int error() const override { return error_; }
    // The step that failed ("open", "ftruncate", "lseek", "write"), for the warning.
    const char *failed_step() const { return step_; }
    const std::string &path() const { return path_; }

  private:
    std::string path_;
    int64_t offset_;
    int fd_ = -1;
    int error_ = 0;
    const char *step_ = "";
};

}  // namespace swoole::mod::http::client
