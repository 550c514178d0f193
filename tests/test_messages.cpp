// The engine's messages in the user's language: templates filled in, the
// catalogue's Chinese chosen for Chinese, English kept where it has none.
#include "cli.h"
#include "mapaudit/base/error.h"
#include "mapaudit/base/message.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <sstream>

using namespace mapaudit;
using mapaudit::test::CliResult;
using mapaudit::test::runCli;

TEST_CASE("a message template is filled in order, numbers and paths as text") {
    CHECK(fillTemplate("{}: line {} of {}", {"a.csv", "3"}) == "a.csv: line 3 of {}");
    const Message m = msg("{}: {} features, {} km", std::filesystem::path("/d/x.shp"), 12, 2.5);
    CHECK(m.args(Language::English) == std::vector<std::string>{"/d/x.shp", "12", "2.5"});
    CHECK(m.text(Language::English) == "/d/x.shp: 12 features, 2.5 km");
    CHECK(msg("{}", 3.0).text(Language::English) == "3");
}

TEST_CASE("the catalogue gives Chinese for its templates and English for the rest") {
    REQUIRE_FALSE(catalogueEntries().empty());
    for (const auto& [en, zh] : catalogueEntries()) {
        INFO(en);
        // Words in the English, Chinese characters (their UTF-8 lead bytes) in the Chinese.
        if (en.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos)
            CHECK(zh.find_first_of("\xe4\xe5\xe6\xe7\xe8\xe9") != std::string::npos);
    }
    const auto& [en, zh] = catalogueEntries().front();
    const std::vector<std::string> args(8, "X");
    const std::vector<MessageArg> argsOf(args.begin(), args.end());
    CHECK(Message(en, argsOf).text(Language::Chinese) == fillTemplate(zh, args));
    CHECK(Message(en, argsOf).text(Language::English) == fillTemplate(en, args));
    // A message inside a message is in the same language.
    const Message outer = msg("{} — {}", "a.json", Message(en, argsOf));
    CHECK(outer.text(Language::Chinese) == "a.json — " + fillTemplate(zh, args));
    CHECK(msg("not in any catalogue: {}", "x").text(Language::Chinese) ==
          "not in any catalogue: x");
}

TEST_CASE("an input error is English in what() and in the user's language in userText") {
    const auto& [en, zh] = catalogueEntries().front();
    const InputError e(Message(en, std::vector<MessageArg>(8, std::string("f.shp"))));
    CHECK(std::string(e.what()) == fillTemplate(en, std::vector<std::string>(8, "f.shp")));
    CHECK(userText(e, Language::Chinese) == fillTemplate(zh, std::vector<std::string>(8, "f.shp")));
    CHECK(userText(e, Language::English) == e.what());
    // Not yet catalogued, or not an input error: its own words.
    CHECK(userText(InputError("plain english"), Language::Chinese) == "plain english");
    CHECK(userText(std::runtime_error("boom"), Language::Chinese) == "boom");
    CHECK(userText(Canceled(), Language::Chinese) == "已取消");
    CHECK(parseLanguage("zh_CN.UTF-8") == Language::Chinese);
    CHECK(parseLanguage("en") == Language::English);
    CHECK_FALSE(parseLanguage("fr"));
}

TEST_CASE("the command line speaks Chinese unless asked for English") {
    test::ScratchDir dir;
    const std::string missing = (dir / "missing.shp").string();
    // Default: Chinese, whatever the test run's own choice.
    const CliResult zh = runCli({"info", "--lang", "zh", missing});
    CHECK(zh.code == cli::kExitInput);
    CHECK(zh.err ==
          "mapaudit info: " + missing + "：文件或文件夹不存在——请检查路径（以及磁盘是否已连接）\n");
    const CliResult en = runCli({"info", "--lang", "en", missing});
    CHECK(en.err == "mapaudit info: " + missing +
                        ": no such file or folder — check the path (and that the drive is "
                        "connected)\n");
    // --lang is taken by every command, also one without a report of its own.
    const CliResult org = runCli({"org", "list", "--lang", "zh", "--db", missing + "/x.db"});
    CHECK(org.code == cli::kExitInput);
    CHECK(org.err.find("mapaudit org: ") == 0);
    CHECK(runCli({"info", "--lang", "fr", missing}).err ==
          "mapaudit info: --lang must be zh or en\n");
}

TEST_CASE("without --lang the command line follows MAPAUDIT_LANG, else Chinese") {
    test::ScratchDir dir;
    const std::string missing = (dir / "missing.geojson").string();
    std::vector<std::string_view> args{"info", missing};
    const char* before = std::getenv("MAPAUDIT_LANG");
    const std::string saved = before ? before : "";
    ::unsetenv("MAPAUDIT_LANG");
    std::ostringstream out, err;
    cli::run(args, out, err);
    CHECK(err.str().find("文件或文件夹不存在") != std::string::npos);
    ::setenv("MAPAUDIT_LANG", "en", 1);
    std::ostringstream out2, err2;
    cli::run(args, out2, err2);
    CHECK(err2.str().find("no such file or folder") != std::string::npos);
    if (before)
        ::setenv("MAPAUDIT_LANG", saved.c_str(), 1);
    else
        ::unsetenv("MAPAUDIT_LANG");
}
