#include "stemdeck/control/StemRef.h"

#include <algorithm>
#include <charconv>

#include "Printable.h"

namespace stemdeck::control {
namespace {

// Beyond this many, the list in an error ends with "…": the line stays short.
constexpr std::size_t kListed = 16;

bool sameIgnoringCase(const std::string& a, const std::string& b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

std::string listing(const std::vector<std::string>& stems) {
    if (stems.empty()) return "the song has no stems";
    std::string text = "stems: ";
    for (std::size_t i = 0; i < stems.size() && i < kListed; ++i) {
        if (i) text += ", ";
        text += std::to_string(i + 1) + " " + printable(stems[i], 32);
    }
    if (stems.size() > kListed) text += ", …";
    return text;
}

// "3" → 3; anything but plain decimal digits → nothing.
std::optional<std::size_t> number(const std::string& text) {
    if (text.empty() || text.size() > 9) return std::nullopt;
    std::size_t n = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return n;
}

StemMatch failure(std::string message) {
    return {std::nullopt, std::move(message)};
}

}  // namespace

StemMatch resolveStem(const std::vector<std::string>& stems, const std::string& ref) {
    const std::string quoted = "\"" + printable(ref, 32) + "\"";
    if (ref.empty()) return failure("no stem named \"\"; " + listing(stems));
    for (std::size_t i = 0; i < stems.size(); ++i)
        if (stems[i] == ref) return {i, {}};
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < stems.size(); ++i)
        if (sameIgnoringCase(stems[i], ref)) found.push_back(i);
    if (found.size() == 1) return {found.front(), {}};
    if (found.size() > 1)
        return failure("more than one stem is named " + quoted + " in some case; " +
                       listing(stems));
    if (const auto n = number(ref)) {
        if (*n >= 1 && *n <= stems.size()) return {*n - 1, {}};
        return failure("no stem number " + std::to_string(*n) + "; " + listing(stems));
    }
    return failure("no stem named " + quoted + "; " + listing(stems));
}

}  // namespace stemdeck::control
