#pragma once
// A W3C WebDriver client for browser tests (the web remote's page): starts `chromedriver` on
// a free port, opens one headless Chromium session (--headless=new --no-sandbox
// --disable-gpu), and speaks the W3C JSON protocol over QNetworkAccessManager. Every call
// waits while running the Qt event loop, so a server on the test's own thread (the HttpDoor)
// keeps answering the browser. Errors are one line in error(); calls then return empty
// values. Test thread only.

#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <nlohmann/json.hpp>
#include <string>

namespace stemdeck::test {

class WebDriver {
  public:
    WebDriver() = default;
    ~WebDriver();
    WebDriver(const WebDriver&) = delete;
    WebDriver& operator=(const WebDriver&) = delete;

    // The chromedriver and chromium binaries are installed (scripts/install-deps.sh test).
    static bool available();
    // Starts chromedriver and a session with a phone-sized window; false with error().
    bool start(int width = 412, int height = 900);
    bool navigate(const std::string& url);
    // The first element matching the CSS selector: its WebDriver id, empty if none.
    std::string find(const std::string& css);
    bool click(const std::string& element);
    std::string text(const std::string& element);
    // Runs `script` (a function body; `return …` gives the value) in the page.
    nlohmann::json script(const std::string& script);
    bool screenshot(const std::string& pngPath);
    const std::string& error() const { return error_; }

  private:
    nlohmann::json call(const QByteArray& method, const std::string& path,
                        const nlohmann::json& body = nullptr, int ms = 30000);
    std::string sessionPath(const std::string& tail) const;

    QProcess driver_;
    QNetworkAccessManager network_;
    int port_ = 0;
    std::string session_;
    std::string error_;
};

}  // namespace stemdeck::test
