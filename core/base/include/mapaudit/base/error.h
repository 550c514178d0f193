#pragma once

#include "mapaudit/base/message.h"

#include <optional>
#include <stdexcept>
#include <string>

namespace mapaudit {

// An error caused by the user's input (a file, an argument). Its message is one
// line meant for an inspector: which file/field, what is wrong, what to do.
// what() is English; text() is in the user's language when the error was made
// from a Message of the catalogue.
class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& english) : std::runtime_error(english) {}
    explicit InputError(const char* english) : std::runtime_error(english) {}
    explicit InputError(Message message)
        : std::runtime_error(message.text(Language::English)), message_(std::move(message)) {}
    const std::optional<Message>& message() const { return message_; }
    // The error as a message, to be part of another: its own, or its English as it is.
    Message asMessage() const { return message_ ? *message_ : verbatim(what()); }
    std::string text(Language language) const {
        return message_ ? message_->text(language) : what();
    }

private:
    std::optional<Message> message_;
};

// Raised from long work when the user pressed Cancel.
class Canceled : public std::runtime_error {
public:
    Canceled() : std::runtime_error("canceled by the user") {}
};

// What to show the user for any exception, in `language`.
std::string userText(const std::exception& e, Language language);
inline std::string userText(const std::exception& e) {
    return userText(e, messageLanguage());
}

} // namespace mapaudit
