#include "WebDriver.h"

#include <sys/prctl.h>

#include <QFile>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <csignal>

namespace stemdeck::test {
namespace {

const char* const kChromium = "/usr/bin/chromium";

// A port free at this moment (chromedriver takes it a moment later).
int freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

}  // namespace

WebDriver::~WebDriver() {
    if (!session_.empty()) call("DELETE", "/session/" + session_, nullptr, 10000);
    if (driver_.state() != QProcess::NotRunning) {
        driver_.terminate();
        if (!driver_.waitForFinished(3000)) driver_.kill();
        driver_.waitForFinished(3000);
    }
}

bool WebDriver::available() {
    return !QStandardPaths::findExecutable(QStringLiteral("chromedriver")).isEmpty() &&
           QFile::exists(QString::fromLatin1(kChromium));
}

bool WebDriver::start(int width, int height) {
    network_.setProxy(QNetworkProxy::NoProxy);
    port_ = freePort();
    driver_.setProgram(QStandardPaths::findExecutable(QStringLiteral("chromedriver")));
    driver_.setArguments({QStringLiteral("--port=%1").arg(port_)});
    // Not on the test's own stderr: a chromedriver (or its Chromium) outliving a test that
    // died would hold CTest's pipe open until the test's timeout. It dies with the test too.
    driver_.setStandardOutputFile(QProcess::nullDevice());
    driver_.setStandardErrorFile(QProcess::nullDevice());
    driver_.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    driver_.start();
    if (!driver_.waitForStarted(5000)) {
        error_ = "chromedriver did not start";
        return false;
    }
    const bool ready = QTest::qWaitFor(
        [&] {
            const auto status = call("GET", "/status", nullptr, 1000);
            return status.is_object() && status.value("ready", false);
        },
        15000);
    if (!ready) {
        error_ = "chromedriver never said it was ready: " + error_;
        return false;
    }
    error_.clear();
    const nlohmann::json options = {
        {"binary", kChromium},
        {"args",
         {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--no-first-run", "--no-default-browser-check",
          "--window-size=" + std::to_string(width) + "," + std::to_string(height)}}};
    const auto created =
        call("POST", "/session",
             {{"capabilities", {{"alwaysMatch", {{"goog:chromeOptions", options}}}}}}, 60000);
    if (!created.is_object() || !created.contains("sessionId")) {
        if (error_.empty()) error_ = "no session: " + created.dump();
        return false;
    }
    session_ = created["sessionId"].get<std::string>();
    return true;
}

std::string WebDriver::sessionPath(const std::string& tail) const {
    return "/session/" + session_ + tail;
}

nlohmann::json WebDriver::call(const QByteArray& method, const std::string& path,
                               const nlohmann::json& body, int ms) {
    error_.clear();
    QNetworkRequest request(
        QUrl(QString::fromStdString("http://127.0.0.1:" + std::to_string(port_) + path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    const QByteArray payload =
        body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump());
    QNetworkReply* reply =
        network_.sendCustomRequest(request, method, method == "GET" ? QByteArray() : payload);
    const bool done = QTest::qWaitFor([&] { return reply->isFinished(); }, ms);
    const QByteArray bytes = done ? reply->readAll() : QByteArray();
    const bool failed = !done || reply->error() != QNetworkReply::NoError;
    if (!done) error_ = std::string(method.constData()) + " " + path + ": no answer";
    reply->abort();
    reply->deleteLater();
    const auto json = nlohmann::json::parse(bytes.toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains("value")) {
        if (error_.empty() && failed) error_ = std::string(method.constData()) + " " + path;
        return nullptr;
    }
    const auto& value = json["value"];
    if (failed && value.is_object() && value.contains("message"))
        error_ = value.value("error", "") + ": " + value["message"].get<std::string>();
    return failed ? nlohmann::json() : value;
}

bool WebDriver::navigate(const std::string& url) {
    call("POST", sessionPath("/url"), {{"url", url}});
    return error_.empty();
}

std::string WebDriver::find(const std::string& css) {
    const auto found =
        call("POST", sessionPath("/element"), {{"using", "css selector"}, {"value", css}}, 5000);
    // The W3C element reference is an object of one key (a fixed UUID-like name).
    if (!found.is_object() || found.empty()) return {};
    return found.begin()->get<std::string>();
}

bool WebDriver::click(const std::string& element) {
    call("POST", sessionPath("/element/" + element + "/click"), nlohmann::json::object());
    return error_.empty();
}

std::string WebDriver::text(const std::string& element) {
    const auto value = call("GET", sessionPath("/element/" + element + "/text"));
    return value.is_string() ? value.get<std::string>() : std::string();
}

nlohmann::json WebDriver::script(const std::string& script) {
    return call("POST", sessionPath("/execute/sync"),
                {{"script", script}, {"args", nlohmann::json::array()}});
}

bool WebDriver::screenshot(const std::string& pngPath) {
    const auto value = call("GET", sessionPath("/screenshot"));
    if (!value.is_string()) return false;
    QFile file(QString::fromStdString(pngPath));
    return file.open(QIODevice::WriteOnly) &&
           file.write(QByteArray::fromBase64(QByteArray::fromStdString(value.get<std::string>()))) >
               0;
}

}  // namespace stemdeck::test
