#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stemdeck::cli {

// Builds indented JSON text. Commas and nesting are tracked, strings escaped; the caller
// pairs begin/end calls and puts a key before every value inside an object.
class JsonWriter {
  public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    // Without this overload a string literal would convert to bool.
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(bool b);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(std::uint64_t number);
    // Shortest text that reads back as the same double; NaN and infinities become null.
    JsonWriter& value(double number);
    JsonWriter& null();

    template <typename T>
    JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

    // The document so far, with a final newline once every container is closed.
    std::string str() const;

    // `text` as a quoted JSON string. Control characters become \u escapes; bytes that are
    // not valid UTF-8 (file names need not be) become U+FFFD so the output stays valid JSON.
    static std::string quote(std::string_view text);

  private:
    void beforeValue();
    void open(char bracket);
    void close(char bracket);

    std::string out_;
    std::vector<bool> hasItems_;  // one entry per open container
    bool afterKey_ = false;
};

}  // namespace stemdeck::cli
