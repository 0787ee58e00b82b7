#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace stemdeck::test {

// A file's bytes, to damage and write back (empty when it cannot be read).
std::vector<unsigned char> readBytes(const std::filesystem::path& file);
void writeBytes(const std::filesystem::path& file, const std::vector<unsigned char>& bytes);

// A file's bytes as a string, to compare a file before and after (empty when unreadable).
std::string readFile(const std::filesystem::path& file);

}  // namespace stemdeck::test
