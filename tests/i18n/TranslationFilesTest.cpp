// The translation files (translations/*.ts) are complete: no unfinished or vanished entry, no
// empty translation, and every %1..%9 / %n of a source text kept in its translation.
#include <gtest/gtest.h>

#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QXmlStreamReader>

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TranslationFilesTest {

namespace {

struct Entry {
    QString source;
    QString type;       // the <translation type="…">, "" when finished
    QStringList texts;  // the translation, or its numerus forms
};

std::vector<Entry> readTs(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + path;
        return {};
    }
    std::vector<Entry> entries;
    QXmlStreamReader xml(&file);
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("message")) {
            entry = Entry{};
        } else if (name == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            entry.type = xml.attributes().value(QLatin1String("type")).toString();
            // Plain text, or <numerusform> children.
            QString text;
            bool numerus = false;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) &&
                   !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters()) text += xml.text();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    numerus = true;
                    entry.texts << xml.readElementText();
                }
            }
            if (!numerus) entry.texts << text;
            entries.push_back(entry);
        }
    }
    if (xml.hasError()) *error = path + QStringLiteral(": ") + xml.errorString();
    return entries;
}

// The placeholders of a text, sorted: "%1", "%2", "%n" (a "%" followed by a space is text).
QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%(?:[1-9]|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) found << it.next().captured();
    found.sort();
    return found;
}

// Every way a .ts file can be incomplete, one line each ("" when it is complete).
QStringList problems(const std::vector<Entry>& entries) {
    QStringList lines;
    for (const Entry& e : entries) {
        if (!e.type.isEmpty()) lines << e.type + QStringLiteral(": ") + e.source;
        for (const QString& text : e.texts) {
            if (text.isEmpty())
                lines << QStringLiteral("empty: ") + e.source;
            else if (placeholders(text) != placeholders(e.source))
                lines << QStringLiteral("placeholders differ: ") + e.source +
                             QStringLiteral(" -> ") + text;
        }
    }
    return lines;
}

Entry finished(const char* source, const char* text) {
    return {QString::fromUtf8(source), QString(), {QString::fromUtf8(text)}};
}

}  // namespace

TEST(TranslationFiles, TheCheckCatchesEachKindOfIncompleteEntry) {
    EXPECT_TRUE(problems({finished("Load %1", "Cargar %1")}).isEmpty());
    EXPECT_TRUE(problems({finished("Load 50 %", "Carga 50 %")}).isEmpty());
    EXPECT_EQ(
        problems({{QStringLiteral("Play"), QStringLiteral("unfinished"), {QString()}}}).size(), 2);
    EXPECT_EQ(
        problems({{QStringLiteral("Old"), QStringLiteral("vanished"), {QStringLiteral("Alt")}}})
            .size(),
        1);
    EXPECT_EQ(problems({finished("Stop", "")}).size(), 1);
    EXPECT_EQ(problems({finished("Loading %1…", "Cargando…")}).size(), 1);
    EXPECT_EQ(problems({finished("%1 of %2", "%1 de %3")}).size(), 1);
    EXPECT_EQ(problems({{QStringLiteral("%n stem(s)"),
                         QString(),
                         {QStringLiteral("%n stem"), QStringLiteral("stems")}}})
                  .size(),
              1);
}

class TranslationFile : public ::testing::TestWithParam<const char*> {};

TEST_P(TranslationFile, IsComplete) {
    const QString path =
        QStringLiteral(STEMDECK_TRANSLATIONS_DIR "/stemdeck_%1.ts").arg(QLatin1String(GetParam()));
    QString error;
    const std::vector<Entry> entries = readTs(path, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_GT(entries.size(), 400u) << "the interface has some 500 strings";
    const QStringList lines = problems(entries);
    EXPECT_TRUE(lines.isEmpty()) << lines.size() << " problems, first:\n"
                                 << lines.mid(0, 10).join(QLatin1Char('\n')).toStdString();
}

INSTANTIATE_TEST_SUITE_P(Languages, TranslationFile, ::testing::Values("es", "de"));

}  // namespace unity_TranslationFilesTest
