#include "mapaudit/base/message.h"

#include "mapaudit/base/error.h"
#include "mapaudit/base/resources.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

namespace mapaudit {
namespace fs = std::filesystem;
namespace {

std::atomic<Language> gLanguage{Language::Chinese};

struct Catalogue {
    std::map<std::string, std::string> zh;
    std::vector<std::pair<std::string, std::string>> entries;
};

// resources/i18n/engine/zh_CN/*.json, each {"English template": "中文模板", …}.
// A file that cannot be read leaves its messages in English: the catalogue
// must never be the reason an error cannot be shown.
Catalogue readCatalogue() {
    Catalogue c;
    std::error_code ec;
    fs::path dir;
    try {
        dir = resourceDir() / "i18n" / "engine" / "zh_CN";
    } catch (const std::exception&) {
        return c;
    }
    std::vector<fs::path> files;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
        if (it->path().extension() == ".json")
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        std::ifstream in(f);
        const auto j = nlohmann::json::parse(in, nullptr, false);
        if (!j.is_object())
            continue;
        for (const auto& [en, zh] : j.items())
            if (zh.is_string() && c.zh.emplace(en, zh.get<std::string>()).second)
                c.entries.emplace_back(en, zh.get<std::string>());
    }
    return c;
}

const Catalogue& catalogue() {
    static const Catalogue c = readCatalogue();
    return c;
}

} // namespace

std::optional<Language> parseLanguage(const std::string& code) {
    if (code == "zh" || code.rfind("zh_", 0) == 0 || code.rfind("zh-", 0) == 0)
        return Language::Chinese;
    if (code == "en" || code.rfind("en_", 0) == 0 || code.rfind("en-", 0) == 0)
        return Language::English;
    return std::nullopt;
}

void setMessageLanguage(Language language) {
    gLanguage.store(language);
}

Language messageLanguage() {
    return gLanguage.load();
}

MessageArg::MessageArg(const Message& nested) : nested_(std::make_shared<Message>(nested)) {}

std::string MessageArg::text(Language language) const {
    return nested_ ? nested_->text(language) : text_;
}

Message::Message(std::string englishTemplate, std::vector<MessageArg> args)
    : template_(std::move(englishTemplate)), args_(std::move(args)) {}

std::vector<std::string> Message::args(Language language) const {
    std::vector<std::string> out;
    out.reserve(args_.size());
    for (const MessageArg& a : args_)
        out.push_back(a.text(language));
    return out;
}

std::string Message::text(Language language) const {
    if (language == Language::Chinese)
        if (const auto zh = chineseTemplate(template_))
            return fillTemplate(*zh, args(language));
    return fillTemplate(template_, args(language));
}

std::string fillTemplate(const std::string& tmpl, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(tmpl.size() + 32);
    std::size_t next = 0;
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '}' && next < args.size()) {
            out += args[next++];
            ++i;
        } else {
            out += tmpl[i];
        }
    }
    return out;
}

std::optional<std::string> chineseTemplate(const std::string& englishTemplate) {
    const auto& zh = catalogue().zh;
    const auto it = zh.find(englishTemplate);
    return it == zh.end() ? std::nullopt : std::optional<std::string>(it->second);
}

const std::vector<std::pair<std::string, std::string>>& catalogueEntries() {
    return catalogue().entries;
}

std::string userText(const std::exception& e, Language language) {
    if (const auto* input = dynamic_cast<const InputError*>(&e))
        return input->text(language);
    if (dynamic_cast<const Canceled*>(&e))
        return language == Language::Chinese ? "已取消" : e.what();
    return e.what();
}

} // namespace mapaudit
