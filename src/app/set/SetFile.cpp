#include "stemdeck/app/set/SetFile.h"

#include <QString>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include "../SongFiles.h"
#include "SetValues.h"
#include "stemdeck/audio/core/ByteSize.h"

namespace stemdeck::app::set {

namespace fs = std::filesystem;

namespace {

// Byte offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t firstInvalidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + length > text.size()) return i;
        char32_t code = c & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return i;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
        i += length;
    }
    return std::string_view::npos;
}

// "line 3, column 14" of a byte offset (1-based, columns in bytes).
std::string position(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return "line " + std::to_string(line) + ", column " + std::to_string(offset - lineStart + 1);
}

// nlohmann-json's reason without its "[json.exception.parse_error.101] parse error at ...: "
// prefix: "syntax error while parsing object - unexpected '}'; expected string literal".
std::string parseReason(const std::string& what) {
    const auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

ParsedSet unreadable(std::string message) {
    ParsedSet out;
    out.problems.push_back({SetProblem::Kind::Error, 0, std::move(message)});
    return out;
}

// The canonical folder of a song, to find one listed twice however it is spelt.
std::string songKey(const fs::path& folder) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(folder, ec);
    if (ec) canonical = folder;
    std::string key = canonical.lexically_normal().string();
    while (key.size() > 1 && key.back() == '/') key.pop_back();
    return key;
}

void warnAboutRepeats(const SetList& set, const fs::path& setFolder,
                      std::vector<SetProblem>& problems) {
    std::unordered_map<std::string, std::size_t> first;
    first.reserve(set.songs.size());
    for (std::size_t i = 0; i < set.songs.size(); ++i) {
        const SetEntry& entry = set.songs[i];
        if (entry.path.empty()) continue;
        const auto [at, inserted] = first.emplace(songKey(entry.resolve(setFolder)), i);
        if (inserted) continue;
        problems.push_back({SetProblem::Kind::Warning, i + 1,
                            entryLabel(i, entry) + ": the same song as " +
                                entryLabel(at->second, set.songs[at->second]) +
                                " (played twice: fine for a reprise)"});
    }
}

}  // namespace

ParsedSet SetFile::parse(std::string_view bytes, const fs::path& setFolder) {
    if (const auto bad = firstInvalidUtf8(bytes); bad != std::string_view::npos)
        return unreadable("not UTF-8 text: byte " + std::to_string(bad + 1) + " (" +
                          position(bytes, bad) + ") is not UTF-8");
    Json root;
    try {
        root = Json::parse(bytes.begin(), bytes.end());
    } catch (const Json::parse_error& e) {
        // e.byte is 1-based: the byte the parser stopped at.
        return unreadable("damaged JSON at " + position(bytes, e.byte > 0 ? e.byte - 1 : 0) + ": " +
                          parseReason(e.what()));
    } catch (const Json::exception& e) {
        // A number beyond a double (out_of_range 406) is not a syntax error: the parser throws
        // it apart from parse_error.
        return unreadable(e.id == 406 ? std::string("damaged JSON: a number is too large to read")
                                      : "damaged JSON: " + parseReason(e.what()));
    }
    if (!root.is_object())
        return unreadable("not a set file: the top level is not an object {\"songs\": [...]}");
    const auto songs = root.find("songs");
    if (songs == root.end() || !songs->is_array())
        return unreadable("not a set file: no \"songs\" list ({\"songs\": [{\"path\": ...}]})");

    ParsedSet out;
    out.readable = true;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == "songs") continue;
        if (it.key() == "name" && it->is_string()) {
            out.set.name = it->get<std::string>();
            continue;
        }
        if (it.key() == "name")
            out.problems.push_back(
                {SetProblem::Kind::Warning, 0, "the set's \"name\" is not a text; kept as it is"});
        out.set.extra[it.key()] = *it;
    }
    readSetKeys(root, out.set, out.problems);
    out.set.songs.reserve(songs->size());
    for (std::size_t i = 0; i < songs->size(); ++i)
        out.set.songs.push_back(readEntry((*songs)[i], i, out.problems));
    warnAboutRepeats(out.set, setFolder, out.problems);
    sortProblems(out.problems);
    return out;
}

ParsedSet SetFile::read(const fs::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (!fs::exists(status)) return unreadable(name + ": no such set file");
    if (fs::is_directory(status)) return unreadable(name + ": a folder, not a set file");
    const auto size = fs::file_size(file, ec);
    if (ec) return unreadable(name + ": cannot be read (" + ec.message() + ")");
    if (size > kMaxSetFileBytes)
        return unreadable(name + ": " + audio::byteSizeText(size) + " is too big for a set file (" +
                          audio::byteSizeText(kMaxSetFileBytes) + " at most)");
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return unreadable(name + ": cannot be read");
    ParsedSet parsed = parse(bytes, fs::absolute(file).parent_path());
    if (!parsed.readable) parsed.problems.front().message.insert(0, name + ": ");
    return parsed;
}

std::string SetFile::serialize(const SetList& set) {
    Json root = Json::object();
    root["name"] = set.name;
    Json songs = Json::array();
    for (const SetEntry& entry : set.songs) songs.push_back(writeEntry(entry));
    root["songs"] = std::move(songs);
    writeSetKeys(set, root);
    for (auto it = set.extra.begin(); it != set.extra.end(); ++it)
        if (it.key() != "songs") root[it.key()] = *it;
    return root.dump(2) + "\n";
}

bool SetFile::save(const fs::path& file, const SetList& set, std::string* error) {
    if (file.extension() != kExtension) {
        if (error) *error = file.string() + ": a set file's name ends in " + kExtension;
        return false;
    }
    const std::string text = serialize(set);
    QString why;
    if (writeFileAtomically(QString::fromStdString(file.string()),
                            QByteArray(text.data(), static_cast<qsizetype>(text.size())), &why))
        return true;
    if (error) *error = file.string() + ": not saved (" + why.toStdString() + ")";
    return false;
}

bool SetFile::isSetPath(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return false;  // a song folder, whatever its name
    if (path.extension() == kExtension) return true;
    if (!fs::is_regular_file(path, ec)) return false;
    const auto size = fs::file_size(path, ec);
    if (ec || size > kMaxSetFileBytes) return false;
    return read(path).readable;
}

}  // namespace stemdeck::app::set
