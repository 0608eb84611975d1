// SPDX-License-Identifier: MIT
#include "analysis/certificatevalidity.h"

#include <QByteArray>

#include <cstdint>
#include <optional>

namespace meshlane {

namespace {

// Just enough DER to reach tbsCertificate.validity: tag, length, content.
struct Der
{
    const uint8_t *data;
    size_t size;

    bool read(uint8_t *tag, Der *content, Der *rest) const
    {
        if (size < 2)
            return false;
        *tag = data[0];
        size_t length = data[1];
        size_t header = 2;
        if (length & 0x80) {
            const size_t bytes = length & 0x7f;
            if (bytes == 0 || bytes > 4 || size < 2 + bytes)
                return false;
            length = 0;
            for (size_t i = 0; i < bytes; ++i)
                length = (length << 8) | data[2 + i];
            header += bytes;
        }
        if (size - header < length)
            return false;
        *content = {data + header, length};
        *rest = {data + header + length, size - header - length};
        return true;
    }
};

// UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ) as UTC seconds.
std::optional<std::time_t> parseTime(uint8_t tag, const Der &value)
{
    const std::string text(reinterpret_cast<const char *>(value.data), value.size);
    const size_t yearDigits = tag == 0x17 ? 2 : tag == 0x18 ? 4 : 0;
    if (yearDigits == 0 || text.size() < yearDigits + 10)
        return std::nullopt;
    const auto number = [&](size_t at, size_t digits) {
        int result = 0;
        for (size_t i = 0; i < digits; ++i) {
            const char c = text[at + i];
            if (c < '0' || c > '9')
                return -1;
            result = result * 10 + (c - '0');
        }
        return result;
    };
    int year = number(0, yearDigits);
    if (yearDigits == 2)
        year += year < 50 ? 2000 : 1900;
    std::tm time{};
    time.tm_year = year - 1900;
    time.tm_mon = number(yearDigits, 2) - 1;
    time.tm_mday = number(yearDigits + 2, 2);
    time.tm_hour = number(yearDigits + 4, 2);
    time.tm_min = number(yearDigits + 6, 2);
    time.tm_sec = number(yearDigits + 8, 2);
    if (year < 0 || time.tm_mon < 0 || time.tm_mday < 0 || time.tm_hour < 0 || time.tm_min < 0 || time.tm_sec < 0)
        return std::nullopt;
    return timegm(&time);
}

// The first PEM CERTIFICATE block, decoded; empty when there is none.
QByteArray firstCertificate(const QByteArray &pem)
{
    static const QByteArray begin = "-----BEGIN CERTIFICATE-----";
    static const QByteArray end = "-----END CERTIFICATE-----";
    const qsizetype from = pem.indexOf(begin);
    if (from < 0)
        return {};
    const qsizetype to = pem.indexOf(end, from);
    if (to < 0)
        return {};
    return QByteArray::fromBase64(pem.mid(from + begin.size(), to - from - begin.size()).trimmed());
}

std::string formatDate(std::time_t when)
{
    std::tm utc{};
    gmtime_r(&when, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return text;
}

} // namespace

std::string CertificateValidity::problemWith(const Secret &secret, std::time_t now)
{
    const auto value = [&](const char *key) -> QByteArray {
        const auto data = secret.data.find(key);
        if (data != secret.data.end())
            return QByteArray::fromBase64(QByteArray::fromStdString(data->second));
        const auto plain = secret.stringData.find(key);
        return plain == secret.stringData.end() ? QByteArray() : QByteArray::fromStdString(plain->second);
    };
    QByteArray pem;
    if (!value("cert").isEmpty() && !value("key").isEmpty())
        pem = value("cert");
    else if (!value("tls.crt").isEmpty() && !value("tls.key").isEmpty())
        pem = value("tls.crt");
    else
        return "it has neither tls.crt and tls.key nor cert and key";
    const QByteArray der = firstCertificate(pem);
    if (der.isEmpty())
        return "its certificate is not PEM";
    // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version?, serial, signature, issuer, validity, ... } }
    const Der whole{reinterpret_cast<const uint8_t *>(der.constData()), size_t(der.size())};
    uint8_t tag = 0;
    Der certificate{}, rest{}, tbs{}, field{};
    if (!whole.read(&tag, &certificate, &rest) || tag != 0x30 || !certificate.read(&tag, &tbs, &rest) || tag != 0x30)
        return "its certificate is not X.509";
    Der cursor = tbs;
    if (!cursor.read(&tag, &field, &rest))
        return "its certificate is not X.509";
    if (tag == 0xa0) // explicit version
        cursor = rest;
    for (int skip = 0; skip < 3; ++skip) { // serial, signature algorithm, issuer
        if (!cursor.read(&tag, &field, &rest))
            return "its certificate is not X.509";
        cursor = rest;
    }
    Der validity{};
    if (!cursor.read(&tag, &validity, &rest) || tag != 0x30)
        return "its certificate is not X.509";
    Der notBefore{}, notAfter{};
    uint8_t beforeTag = 0, afterTag = 0;
    if (!validity.read(&beforeTag, &notBefore, &rest) || !rest.read(&afterTag, &notAfter, &field))
        return "its certificate is not X.509";
    const std::optional<std::time_t> from = parseTime(beforeTag, notBefore);
    const std::optional<std::time_t> until = parseTime(afterTag, notAfter);
    if (!from || !until)
        return "its certificate's validity cannot be read";
    if (now > *until)
        return "its certificate expired on " + formatDate(*until);
    if (now < *from)
        return "its certificate is valid only from " + formatDate(*from);
    return {};
}

} // namespace meshlane
