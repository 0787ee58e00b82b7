#include "stemdeck/audio/loader/StemNaming.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace stemdeck::audio::loader {

namespace {

bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

std::string lowerAscii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

int naturalCompare(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            const std::size_t i0 = i, j0 = j;
            while (i < a.size() && isDigit(a[i])) ++i;
            while (j < b.size() && isDigit(b[j])) ++j;
            auto na = a.substr(i0, i - i0), nb = b.substr(j0, j - j0);
            na.remove_prefix(std::min(na.find_first_not_of('0'), na.size()));
            nb.remove_prefix(std::min(nb.find_first_not_of('0'), nb.size()));
            if (na.size() != nb.size()) return na.size() < nb.size() ? -1 : 1;
            if (const int c = na.compare(nb)) return c;
            continue;
        }
        const int ca = std::tolower(static_cast<unsigned char>(a[i++]));
        const int cb = std::tolower(static_cast<unsigned char>(b[j++]));
        if (ca != cb) return ca < cb ? -1 : 1;
    }
    if (i < a.size()) return 1;
    return j < b.size() ? -1 : 0;
}

bool stemOrder(const StemProbe& a, const StemProbe& b) {
    if (const int c = naturalCompare(a.name, b.name)) return c < 0;
    if (a.name != b.name) return a.name < b.name;
    return a.file < b.file;  // same name: order by extension and folder
}

void makeNamesUnique(std::vector<StemProbe>& probes) {
    std::ranges::sort(probes, stemOrder);  // numbers follow the files' order, whatever it was
    std::map<std::string, int> sharing;
    for (const auto& p : probes) ++sharing[p.name];
    // A file's own name, when no other file has it, is kept: nothing may take it.
    std::set<std::string> taken;
    std::vector<StemProbe*> renamed;
    for (auto& p : probes) {
        if (sharing[p.name] == 1) {
            taken.insert(p.name);
            continue;
        }
        const std::string ext = lowerAscii(p.file.extension().string());
        if (ext.size() > 1) p.name += " (" + ext.substr(1) + ")";
        renamed.push_back(&p);
    }
    for (StemProbe* p : renamed) {
        std::string name = p->name;
        for (int n = 2; taken.contains(name); ++n) name = p->name + " " + std::to_string(n);
        taken.insert(name);
        p->name = std::move(name);
    }
    std::ranges::sort(probes, stemOrder);
}

}  // namespace stemdeck::audio::loader
