#pragma once

namespace carteiro::core {

// classic: the textbook dialogue of the course notes (HELO, plain reply texts).
// modern: EHLO with extensions and enhanced status codes (250 2.1.0 Ok).
enum class SmtpStyle { Classic, Modern };

} // namespace carteiro::core
