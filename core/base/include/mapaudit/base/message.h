// Text for the user from the engine and the command line, in the user's
// language. A message is an English template with {} placeholders and its
// arguments; the message catalogue (resources/i18n/engine/zh_CN/*.json, the
// English template → the Chinese one) gives its Chinese. A template the
// catalogue lacks is shown in English, so a missing entry never hides an error.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace mapaudit {

enum class Language { Chinese, English };
// "zh" or "en"; nullopt for anything else.
std::optional<Language> parseLanguage(const std::string& code);
// The language a message is shown in when none is asked for: Chinese unless a
// front end chose otherwise (the CLI's --lang or MAPAUDIT_LANG, the UI's language).
void setMessageLanguage(Language language);
Language messageLanguage();

class Message;

// An argument of a message: text as it is (a path, a number, a name), or a
// message of its own, shown in the same language as the one it is part of.
class MessageArg {
public:
    MessageArg(std::string text) : text_(std::move(text)) {}
    MessageArg(const Message& nested);
    std::string text(Language language) const;

private:
    std::string text_;
    std::shared_ptr<const Message> nested_;
};

class Message {
public:
    Message() = default; // no message: empty() is true
    Message(std::string englishTemplate, std::vector<MessageArg> args);
    bool empty() const { return template_.empty(); }
    const std::string& englishTemplate() const { return template_; }
    std::vector<std::string> args(Language language) const;
    std::string text(Language language) const;
    std::string text() const { return text(messageLanguage()); }

private:
    std::string template_;
    std::vector<MessageArg> args_;
};

namespace detail {
inline MessageArg messageArg(const std::string& s) {
    return MessageArg(s);
}
inline MessageArg messageArg(const char* s) {
    return MessageArg(std::string(s));
}
inline MessageArg messageArg(const std::filesystem::path& p) {
    return MessageArg(p.string());
}
inline MessageArg messageArg(const Message& m) {
    return MessageArg(m);
}
template <class T, class = std::enable_if_t<std::is_arithmetic_v<T>>>
MessageArg messageArg(T value) {
    if constexpr (std::is_floating_point_v<T>) {
        std::string s = std::to_string(value);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.')
            s.pop_back();
        return MessageArg(s);
    } else {
        return MessageArg(std::to_string(value));
    }
}
} // namespace detail

// msg("{}: no layer '{}'", path, name): a message with its arguments; an
// argument may be a message itself (a hint that is translated too).
template <class... Args> Message msg(std::string englishTemplate, const Args&... args) {
    return Message(std::move(englishTemplate), {detail::messageArg(args)...});
}

// Text that is not a template (a library's words, a hint given as plain text),
// shown as it is in either language.
inline Message verbatim(std::string text) {
    return Message("{}", {MessageArg(std::move(text))});
}

// `tmpl` with its {} replaced by `args` in order; a {} without an argument stays.
std::string fillTemplate(const std::string& tmpl, const std::vector<std::string>& args);

// The Chinese template for an English one, from the catalogue; nullopt when it
// has none. The catalogue is read once, from the resource directory.
std::optional<std::string> chineseTemplate(const std::string& englishTemplate);
// Every entry of the catalogue (for its tests and the coverage report).
const std::vector<std::pair<std::string, std::string>>& catalogueEntries();

} // namespace mapaudit
