#pragma once

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace stemdeck::test {

// Everything written to the process's standard error (file descriptor 2: stdio, std::cerr and
// libraries such as Rubber Band alike) while it lives is kept, not printed; text() returns it.
// One at a time, on the test's thread; what other threads write meanwhile is caught as well.
class StderrCapture {
  public:
    StderrCapture() {
        std::fflush(stderr);
        std::cerr.flush();
        file_ = std::tmpfile();
        saved_ = ::dup(2);
        if (file_ && saved_ >= 0) ::dup2(::fileno(file_), 2);
    }
    ~StderrCapture() { restore(); }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    // Stops capturing and returns what was written.
    std::string text() {
        restore();
        return text_;
    }

  private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        std::cerr.flush();
        ::dup2(saved_, 2);
        ::close(saved_);
        saved_ = -1;
        if (!file_) return;
        std::rewind(file_);
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file_)) > 0;)
            text_.append(buffer, n);
        std::fclose(file_);
        file_ = nullptr;
    }

    std::FILE* file_ = nullptr;
    int saved_ = -1;
    std::string text_;
};

}  // namespace stemdeck::test
