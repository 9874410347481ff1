#include "core/message/messagecomposer.h"
#include "core/message/mimecodec.h"
#include "core/message/mimemessage.h"
#include "core/message/rfc5322.h"
#include "core/mta/deliverystatus.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace carteiro::core;

Q_DECLARE_METATYPE(carteiro::core::Mailbox)

namespace {

constexpr quint64 kSeed = 2026;

QString nameOf(const QString &address)
{
    static const QMap<QString, QString> names = {
        {QStringLiteral("alice@crepes.fr"), QStringLiteral("Alice")},
        {QStringLiteral("bob@hamburger.edu"), QStringLiteral("Bob")},
        {QStringLiteral("ana@x.pt"), QStringLiteral("Silva, Ana")},
        {QStringLiteral("joao@x.pt"), QStringLiteral("João Araújo")},
        {QStringLiteral("long@x.pt"),
         QStringLiteral("Maria da Conceição Gonçalves Magalhães de Albuquerque e Bragança")},
    };
    return names.value(address);
}

SendStep textStep(const QString &subject, const QString &body)
{
    SendStep send;
    send.from = QStringLiteral("alice@crepes.fr");
    send.to = {QStringLiteral("bob@hamburger.edu")};
    send.subject = subject;
    send.body = body;
    return send;
}

QByteArray compose(const SendStep &send, quint64 seed = kSeed)
{
    std::mt19937_64 random(seed);
    MessageComposer composer(nameOf, random);
    return composer.compose(send, 0, QStringLiteral("<0000000000.1@crepes.fr>"));
}

// The attachment bytes compose() draws, replayed from the same stream.
QList<QByteArray> attachmentBytes(const SendStep &send, quint64 seed = kSeed)
{
    std::mt19937_64 random(seed);
    random(); // the multipart/mixed boundary
    if (!send.html.isEmpty())
        random(); // the multipart/alternative boundary
    QList<QByteArray> out;
    for (const AttachmentSpec &attachment : send.attachments) {
        QByteArray bytes(int(attachment.size), Qt::Uninitialized);
        for (char &b : bytes)
            b = char(random() & 0xff);
        out << bytes;
    }
    return out;
}

QByteArray bounceOf(const QByteArray &original)
{
    std::mt19937_64 random(kSeed);
    FailedRecipient failure;
    failure.address = QStringLiteral("nobody@hamburger.edu");
    failure.status = QStringLiteral("5.1.1");
    failure.diagnostic = QStringLiteral("550 5.1.1 <nobody@hamburger.edu>: user unknown");
    failure.remoteMta = QStringLiteral("mail.hamburger.edu");
    failure.fromServer = true;
    return DeliveryStatusNotification::compose(QStringLiteral("mail.crepes.fr"),
                                               QStringLiteral("alice@crepes.fr"), {failure},
                                               original, 0, random);
}

// Leaves in walk order, as Python's email package digests them.
void leafDigests(const MimePart &part, QStringList *out)
{
    if (part.contentType == QLatin1String("message/delivery-status")) {
        return; // Python reads its header blocks as sub-messages; not compared
    }
    if (!part.children.isEmpty()) {
        for (const MimePart &child : part.children)
            leafDigests(child, out);
        return;
    }
    QByteArray data = part.decodedBody();
    if (part.contentType.startsWith(QLatin1String("text/")))
        data.replace("\r\n", "\n");
    *out << QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
}

const char *const kPythonCheck = R"PY(
import email, email.policy, hashlib, json, os, sys

def digest(part):
    data = part.get_payload(decode=True) or b''
    if part.get_content_maintype() == 'text':
        data = data.replace(b'\r\n', b'\n')
    return hashlib.md5(data).hexdigest()

def walk(part, path, out):
    out['types'].append(part.get_content_type())
    out['defects'] += ['%s: %s' % (path, type(d).__name__) for d in part.defects]
    for name, value in part.items():
        out['defects'] += ['%s %s: %s' % (path, name, type(d).__name__)
                           for d in getattr(value, 'defects', ())]
    if part.get_content_type() == 'message/delivery-status':
        return
    if part.is_multipart():
        for i, child in enumerate(part.get_payload()):
            walk(child, '%s.%d' % (path, i + 1), out)
    else:
        out['digests'].append(digest(part))

result = {}
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), 'rb') as f:
        message = email.message_from_bytes(f.read(), policy=email.policy.default)
    out = {'types': [], 'digests': [], 'defects': []}
    walk(message, 'message', out)
    result[name] = out
print(json.dumps(result))
)PY";

} // namespace

class TestMimeMessage : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void plainTextIsUnchanged();
    void headerLinesFitIn78();
    void boundaryNeverInContent();
    void seedMultipart();
    void bounceHasThreeParts();
    void malformed_data();
    void malformed();
    void everyPrefixParses();
    void base64_data();
    void base64();
    void quotedPrintable_data();
    void quotedPrintable();
    void decodeWords_data();
    void decodeWords();
    void encodeWordsRoundTrip();
    void contentType_data();
    void contentType();
    void addressList_data();
    void addressList();
    void pythonReadsWithoutDefects();
};

void TestMimeMessage::roundTrip_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("html");
    QTest::addColumn<QList<qint64>>("sizes");
    QTest::addColumn<QStringList>("structure");

    const QString ascii = QStringLiteral("Do you like ketchup?\nHow about pickles?\n");
    const QString accented = QStringLiteral("Olá, Bob! Promoção de crepes\nAté já, Alice\n");
    const QString html = QStringLiteral("<p>Olá, <b>Bob</b>! Promoção de crepes</p>\n");
    const QString plain = QStringLiteral("text/plain");
    const QString alternative = QStringLiteral("multipart/alternative");
    const QString mixed = QStringLiteral("multipart/mixed");
    const QString octets = QStringLiteral("application/octet-stream");

    QTest::newRow("ascii") << ascii << QString() << QList<qint64>{} << QStringList{plain};
    QTest::newRow("accented") << accented << QString() << QList<qint64>{} << QStringList{plain};
    QTest::newRow("no final newline")
        << QStringLiteral("Hi") << QString() << QList<qint64>{} << QStringList{plain};
    QTest::newRow("html") << accented << html << QList<qint64>{}
                          << QStringList{alternative, plain, QStringLiteral("text/html")};
    for (qint64 size : {0, 1, 2, 3, 57, 58, 3072}) {
        QTest::addRow("attachment %lld", size)
            << accented << QString() << QList<qint64>{size} << QStringList{mixed, plain, octets};
    }
    QTest::newRow("text without final newline and attachment")
        << QStringLiteral("Hi") << QString() << QList<qint64>{5}
        << QStringList{mixed, plain, octets};
    QTest::newRow("html and attachments")
        << ascii << html << QList<qint64>{10, 0}
        << QStringList{mixed, alternative, plain, QStringLiteral("text/html"), octets, octets};
}

void TestMimeMessage::roundTrip()
{
    QFETCH(QString, body);
    QFETCH(QString, html);
    QFETCH(QList<qint64>, sizes);
    QFETCH(QStringList, structure);

    SendStep send = textStep(QStringLiteral("Olá, Bob! Promoção de crepes"), body);
    send.html = html;
    for (int i = 0; i < sizes.size(); ++i)
        send.attachments.append(
            {i == 0 ? QStringLiteral("crepe de maçã.bin") : QStringLiteral("file%1.bin").arg(i),
             QStringLiteral("application/octet-stream"), sizes.at(i)});
    const QByteArray raw = compose(send);
    QStringList defects;
    const MimePart message = MimeParser::parse(raw, &defects);
    QVERIFY2(defects.isEmpty(), qPrintable(defects.join(QLatin1Char('\n'))));
    QCOMPARE(message.structure(), structure);
    QCOMPARE(message.decodedHeader(QStringLiteral("Subject")), send.subject);
    QCOMPARE(message.header(QStringLiteral("MIME-Version")), QStringLiteral("1.0"));

    // The text part (and the HTML part) come back exactly.
    const MimePart *text = &message;
    while (!text->children.isEmpty())
        text = &text->children.first();
    QCOMPARE(text->contentType, QStringLiteral("text/plain"));
    QCOMPARE(text->text(), body);
    if (!html.isEmpty()) {
        const MimePart &alt = sizes.isEmpty() ? message : message.children.first();
        QCOMPARE(alt.children.at(1).text(), html);
        QCOMPARE(alt.children.at(1).parameters.value(QStringLiteral("charset")),
                 QStringLiteral("UTF-8"));
    }
    const QList<QByteArray> bytes = attachmentBytes(send);
    for (int i = 0; i < sizes.size(); ++i) {
        const MimePart &part = message.children.at(i + 1);
        QCOMPARE(part.transferEncoding, QStringLiteral("base64"));
        QCOMPARE(part.disposition(), QStringLiteral("attachment"));
        QCOMPARE(part.filename(), send.attachments.at(i).name);
        QCOMPARE(part.decodedBody().size(), sizes.at(i));
        QCOMPARE(part.decodedBody(), bytes.at(i));
    }
}

void TestMimeMessage::plainTextIsUnchanged()
{
    // The bytes the golden transcript of tst_world holds.
    const QByteArray expected = "From: Alice <alice@crepes.fr>\r\n"
                                "To: Bob <bob@hamburger.edu>\r\n"
                                "Subject: Do you like ketchup?\r\n"
                                "Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n"
                                "Message-ID: <0000000000.1@crepes.fr>\r\n"
                                "MIME-Version: 1.0\r\n"
                                "Content-Type: text/plain; charset=UTF-8\r\n"
                                "Content-Transfer-Encoding: 7bit\r\n"
                                "\r\n"
                                "Do you like ketchup?\r\n"
                                "How about pickles?\r\n";
    QCOMPARE(compose(textStep(QStringLiteral("Do you like ketchup?"),
                              QStringLiteral("Do you like ketchup?\nHow about pickles?\n"))),
             expected);
}

void TestMimeMessage::headerLinesFitIn78()
{
    SendStep send = textStep(
        QStringLiteral("Promoção de crepes de maçã, de chocolate e de doce de leite: só hoje, "
                       "até às dezoito horas, na crêperie da praça"),
        QStringLiteral("Olá!\n"));
    send.to = {QStringLiteral("long@x.pt"), QStringLiteral("joao@x.pt"), QStringLiteral("ana@x.pt"),
               QStringLiteral("bob@hamburger.edu")};
    send.attachments.append({QStringLiteral("relatório de promoção de crepes de março de 2026, "
                                            "versão final revista pela direção.pdf"),
                             QStringLiteral("application/pdf"), 100});
    const QByteArray raw = compose(send);
    const QByteArray header = raw.left(raw.indexOf("\r\n\r\n"));
    for (const QByteArray &line : raw.split('\n')) {
        QVERIFY2(line.size() <= 79, line.constData()); // 78 plus the CR
        if (raw.indexOf(line) < header.size())
            for (char c : line)
                QVERIFY(static_cast<unsigned char>(c) < 0x80);
    }
    QStringList defects;
    const MimePart message = MimeParser::parse(raw, &defects);
    QVERIFY2(defects.isEmpty(), qPrintable(defects.join(QLatin1Char('\n'))));
    QCOMPARE(message.decodedHeader(QStringLiteral("Subject")), send.subject);
    const QList<Mailbox> to = mime::parseAddressList(message.header(QStringLiteral("To")));
    QCOMPARE(to.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(to.at(i).address, send.to.at(i));
        QCOMPARE(to.at(i).name, nameOf(send.to.at(i)));
    }
    QCOMPARE(message.children.at(1).filename(), send.attachments.first().name);
}

void TestMimeMessage::boundaryNeverInContent()
{
    SendStep send = textStep(QStringLiteral("Boundaries"), QStringLiteral("x\n"));
    send.attachments.append(
        {QStringLiteral("a.bin"), QStringLiteral("application/octet-stream"), 3});
    const QString first =
        MimePart(MimeParser::parse(compose(send))).parameters.value(QStringLiteral("boundary"));
    QVERIFY(first.startsWith(QStringLiteral("=_carteiro_")));
    // A body quoting the boundary it will get (same seed, same draws) forces another one.
    send.body = QStringLiteral("--%1\n--%1--\n").arg(first);
    QStringList defects;
    const MimePart message = MimeParser::parse(compose(send), &defects);
    QVERIFY2(defects.isEmpty(), qPrintable(defects.join(QLatin1Char('\n'))));
    QVERIFY(message.parameters.value(QStringLiteral("boundary")) != first);
    QCOMPARE(message.children.size(), 2);
    QCOMPARE(message.children.first().text(), send.body);
}

void TestMimeMessage::seedMultipart()
{
    QFile file(QStringLiteral(CARTEIRO_TEST_DATA "/mime/seed-multipart.eml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList defects;
    const MimePart message = MimeParser::parse(file.readAll(), &defects);
    QVERIFY2(defects.isEmpty(), qPrintable(defects.join(QLatin1Char('\n'))));
    QCOMPARE(message.structure(),
             (QStringList{QStringLiteral("multipart/mixed"), QStringLiteral("text/plain"),
                          QStringLiteral("image/jpeg")}));
    QCOMPARE(message.parameters.value(QStringLiteral("boundary")), QStringLiteral("98766789"));
    QCOMPARE(message.header(QStringLiteral("Received")),
             QStringLiteral("from crepes.fr by hamburger.edu; 12 Oct 98 15:27:39 GMT"));
    QCOMPARE(message.header(QStringLiteral("subject")), QStringLiteral("Picture of yummy crepe."));
    const MimePart &text = message.children.at(0);
    QCOMPARE(text.transferEncoding, QStringLiteral("quoted-printable"));
    QCOMPARE(text.text(), QStringLiteral("Dear Bob,\nPlease find a picture of a crepe.\n"));
    const MimePart &image = message.children.at(1);
    QCOMPARE(image.transferEncoding, QStringLiteral("base64"));
    QCOMPARE(image.filename(), QStringLiteral("crepe.jpg"));
    const QByteArray jpeg = image.decodedBody();
    QCOMPARE(jpeg.size(), 202);
    QVERIFY(jpeg.startsWith("\xff\xd8\xff\xe0"));
    QVERIFY(jpeg.endsWith("\xff\xd9"));
}

void TestMimeMessage::bounceHasThreeParts()
{
    const QByteArray original =
        compose(textStep(QStringLiteral("Olá"), QStringLiteral("Promoção de crepes\n")));
    QStringList defects;
    const MimePart bounce = MimeParser::parse(bounceOf(original), &defects);
    QVERIFY2(defects.isEmpty(), qPrintable(defects.join(QLatin1Char('\n'))));
    QCOMPARE(bounce.contentType, QStringLiteral("multipart/report"));
    QCOMPARE(bounce.parameters.value(QStringLiteral("report-type")),
             QStringLiteral("delivery-status"));
    QCOMPARE(bounce.children.size(), 3);
    QCOMPARE(bounce.children.at(0).contentType, QStringLiteral("text/plain"));
    QVERIFY(bounce.children.at(0).text().contains(QStringLiteral("nobody@hamburger.edu")));
    QCOMPARE(bounce.children.at(1).contentType, QStringLiteral("message/delivery-status"));
    QVERIFY(bounce.children.at(1).text().contains(QStringLiteral("Status: 5.1.1")));
    const MimePart &returned = bounce.children.at(2);
    QCOMPARE(returned.contentType, QStringLiteral("message/rfc822"));
    QCOMPARE(returned.children.size(), 1);
    const MimePart &inner = returned.children.first();
    QCOMPARE(inner.decodedHeader(QStringLiteral("Subject")), QStringLiteral("Olá"));
    QCOMPARE(inner.text(), QStringLiteral("Promoção de crepes\n"));
}

void TestMimeMessage::malformed_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("defect"); // a word the defect sentence must contain
    QTest::addColumn<QStringList>("structure");

    const QByteArray head = "From: a@x\r\nMIME-Version: 1.0\r\n";
    const QStringList mixedText = {QStringLiteral("multipart/mixed"), QStringLiteral("text/plain")};
    const QStringList plain = {QStringLiteral("text/plain")};

    QTest::newRow("missing end boundary")
        << head + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nhello\r\n"
        << "closing boundary" << mixedText;
    QTest::newRow("no boundary parameter")
        << head + "Content-Type: multipart/mixed\r\n\r\n--xyz\r\n\r\nhello\r\n--xyz--\r\n"
        << "guessed" << mixedText;
    QTest::newRow("wrong boundary parameter")
        << head +
               "Content-Type: multipart/mixed; boundary=abc\r\n\r\n--xyz\r\n\r\nhi\r\n--xyz--\r\n"
        << "guessed" << mixedText;
    QTest::newRow("no boundary anywhere")
        << head + "Content-Type: multipart/mixed\r\n\r\njust text\r\n"
        << "one text/plain" << mixedText;
    QTest::newRow("garbage base64")
        << head + "Content-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                  "/9j/4AA*QSk!ZJRg\r\n"
        << "base64" << QStringList{QStringLiteral("image/jpeg")};
    QTest::newRow("base64 without padding")
        << head + "Content-Type: application/octet-stream\r\n"
                  "Content-Transfer-Encoding: base64\r\n\r\nYWJjZA\r\n"
        << "padding" << QStringList{QStringLiteral("application/octet-stream")};
    QTest::newRow("bad quoted-printable")
        << head + "Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                  "\r\nOl=E1 =ZZ end=\r\n=4"
        << "quoted-printable" << plain;
    QTest::newRow("header without colon")
        << QByteArray("From: a@x\r\nthis line is not a field\r\nSubject: x\r\n\r\nbody\r\n")
        << "not a header field" << plain;
    QTest::newRow("8-bit header") << QByteArray("From: a@x\r\nSubject: Ol\xe1 Bob\r\n\r\nbody\r\n")
                                  << "8-bit" << plain;
    QTest::newRow("utf-8 header") << QByteArray("From: a@x\r\nSubject: Olá Bob\r\n\r\nbody\r\n")
                                  << "8-bit" << plain;
    QTest::newRow("missing MIME-Version")
        << QByteArray("From: a@x\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nhi\r\n")
        << "MIME-Version" << plain;
    QTest::newRow("unknown charset")
        << head + "Content-Type: text/plain; charset=x-klingon\r\n\r\nhi\r\n"
        << "charset" << plain;
    QTest::newRow("unknown encoding")
        << head + "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nhi\r\n"
        << "x-uuencode" << plain;
    QTest::newRow("bad content type") << head + "Content-Type: textplain\r\n\r\nhi\r\n"
                                      << "type/subtype" << plain;
    QTest::newRow("unterminated quote")
        << head + "Content-Type: text/plain; name=\"abc\r\n\r\nhi\r\n"
        << "unterminated" << plain;
    QTest::newRow("base64 multipart")
        << head +
               "Content-Type: multipart/mixed; boundary=b\r\nContent-Transfer-Encoding: "
               "base64\r\n\r\n" +
               QByteArray("--b\r\n\r\nhi\r\n--b--\r\n").toBase64() + "\r\n"
        << "7bit, 8bit or binary" << mixedText;
    QByteArray deep = head;
    for (int i = 0; i < 40; ++i)
        deep += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) +
                "\r\n\r\n--b" + QByteArray::number(i) + "\r\n";
    QStringList deepStructure;
    for (int i = 0; i <= MimeParser::kMaxDepth; ++i)
        deepStructure << QStringLiteral("multipart/mixed");
    QTest::newRow("too deep") << deep << "nested" << deepStructure;
}

void TestMimeMessage::malformed()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, defect);
    QFETCH(QStringList, structure);
    QStringList defects;
    const MimePart message = MimeParser::parse(raw, &defects);
    QVERIFY(!defects.isEmpty());
    QVERIFY2(defects.join(QLatin1Char('\n')).contains(defect),
             qPrintable(defects.join(QLatin1Char('\n'))));
    QCOMPARE(message.structure(), structure);
    // Decoding what was found never fails either.
    std::function<void(const MimePart &)> visit = [&](const MimePart &part) {
        (void)part.text();
        (void)part.filename();
        for (const MimePart &child : part.children)
            visit(child);
    };
    visit(message);
    MimeParser::parse(raw); // and without a defect list
}

void TestMimeMessage::everyPrefixParses()
{
    // Every truncation of a nested message, as a connection cut in DATA would leave it.
    SendStep send = textStep(QStringLiteral("Olá"), QStringLiteral("Promoção\n"));
    send.html = QStringLiteral("<p>Promoção</p>");
    send.attachments.append({QStringLiteral("a.bin"), QStringLiteral("image/png"), 40});
    const QByteArray raw = bounceOf(compose(send));
    for (int n = 0; n <= raw.size(); ++n) {
        const MimePart part = MimeParser::parse(raw.left(n));
        QVERIFY(!part.contentType.isEmpty());
    }
    QCOMPARE(MimeParser::parse(raw).structure(),
             (QStringList{QStringLiteral("multipart/report"), QStringLiteral("text/plain"),
                          QStringLiteral("message/delivery-status"),
                          QStringLiteral("message/rfc822"), QStringLiteral("multipart/mixed"),
                          QStringLiteral("multipart/alternative"), QStringLiteral("text/plain"),
                          QStringLiteral("text/html"), QStringLiteral("image/png")}));
}

void TestMimeMessage::base64_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<bool>("clean");
    QTest::newRow("empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("one") << QByteArray("YQ==") << QByteArray("a") << true;
    QTest::newRow("two") << QByteArray("YWI=") << QByteArray("ab") << true;
    QTest::newRow("three") << QByteArray("YWJj") << QByteArray("abc") << true;
    QTest::newRow("lines") << QByteArray("YW\r\nJj\r\nZA==\r\n") << QByteArray("abcd") << true;
    QTest::newRow("no padding") << QByteArray("YWJjZA") << QByteArray("abcd") << false;
    QTest::newRow("junk") << QByteArray("YW*Jj!") << QByteArray("abc") << false;
    QTest::newRow("data after padding") << QByteArray("YQ==YQ==") << QByteArray("a") << false;
    QTest::newRow("dangling") << QByteArray("YWJjZ") << QByteArray("abc") << false;
}

void TestMimeMessage::base64()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, decoded);
    QFETCH(bool, clean);
    bool ok = !clean;
    const QByteArray actual = mime::decodeBase64(encoded, &ok);
    if (QTest::currentDataTag() != QByteArrayView("data after padding"))
        QCOMPARE(actual, decoded);
    QCOMPARE(ok, clean);
}

void TestMimeMessage::quotedPrintable_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<bool>("clean");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc") << true;
    QTest::newRow("octets") << QByteArray("Ol=C3=A1") << QByteArray("Ol\xc3\xa1") << true;
    QTest::newRow("lower-case hex") << QByteArray("Ol=c3=a1") << QByteArray("Ol\xc3\xa1") << true;
    QTest::newRow("soft break") << QByteArray("abc=\r\ndef\r\n") << QByteArray("abcdef\r\n")
                                << true;
    QTest::newRow("soft break LF") << QByteArray("abc=\ndef") << QByteArray("abcdef") << true;
    QTest::newRow("transport padding")
        << QByteArray("abc  \r\ndef=20\r\n") << QByteArray("abc\r\ndef \r\n") << true;
    QTest::newRow("bad escape") << QByteArray("a=ZZb") << QByteArray("a=ZZb") << false;
    QTest::newRow("short escape") << QByteArray("a=4") << QByteArray("a=4") << false;
    QTest::newRow("8-bit") << QByteArray("Ol\xe1") << QByteArray("Ol\xe1") << false;
}

void TestMimeMessage::quotedPrintable()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, decoded);
    QFETCH(bool, clean);
    bool ok = !clean;
    QCOMPARE(mime::decodeQuotedPrintable(encoded, &ok), decoded);
    QCOMPARE(ok, clean);
    // What the composer encodes decodes back.
    if (clean && !decoded.contains('\r'))
        QCOMPARE(mime::decodeQuotedPrintable(carteiro::core::quotedPrintable(decoded)),
                 decoded + "\r\n");
}

void TestMimeMessage::decodeWords_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("plain") << QStringLiteral("Hello Bob") << QStringLiteral("Hello Bob");
    QTest::newRow("utf-8 B") << QStringLiteral("=?UTF-8?B?T2zDoQ==?=") << QStringLiteral("Olá");
    QTest::newRow("latin-1 Q") << QStringLiteral("=?ISO-8859-1?Q?Promo=E7=E3o?=")
                               << QStringLiteral("Promoção");
    QTest::newRow("underscore") << QStringLiteral("=?iso-8859-1?q?Ol=E1,_Bob!?=")
                                << QStringLiteral("Olá, Bob!");
    QTest::newRow("adjacent words joined")
        << QStringLiteral("=?UTF-8?Q?Promo=C3=A7?= =?UTF-8?Q?=C3=A3o?=")
        << QStringLiteral("Promoção");
    QTest::newRow("character split across words")
        << QStringLiteral("=?UTF-8?Q?Promo=C3?=\r\n =?UTF-8?Q?=A7=C3=A3o?=")
        << QStringLiteral("Promoção");
    QTest::newRow("text between words kept")
        << QStringLiteral("=?UTF-8?B?T2zDoQ==?= Bob =?UTF-8?B?T2zDoQ==?=")
        << QStringLiteral("Olá Bob Olá");
    QTest::newRow("word then text")
        << QStringLiteral("=?UTF-8?B?Q3LDqnBlcw==?= hoje") << QStringLiteral("Crêpes hoje");
    QTest::newRow("different charsets")
        << QStringLiteral("=?ISO-8859-1?Q?=E1?= =?UTF-8?Q?=C3=A9?=") << QStringLiteral("áé");
    QTest::newRow("language tag") << QStringLiteral("=?UTF-8*pt?Q?Ol=C3=A1?=")
                                  << QStringLiteral("Olá");
    QTest::newRow("windows-1252") << QStringLiteral("=?windows-1252?Q?=80_5?=")
                                  << QStringLiteral("€ 5");
    QTest::newRow("unknown charset falls back")
        << QStringLiteral("=?x-unknown?Q?Ol=C3=A1?=") << QStringLiteral("Olá");
    QTest::newRow("not a word") << QStringLiteral("=?UTF-8?X?abc?=")
                                << QStringLiteral("=?UTF-8?X?abc?=");
    QTest::newRow("bad base64 tolerated")
        << QStringLiteral("=?UTF-8?B?T2zDoQ?=") << QStringLiteral("Olá");
}

void TestMimeMessage::decodeWords()
{
    QFETCH(QString, encoded);
    QFETCH(QString, decoded);
    QString unfolded = encoded;
    unfolded.remove(QLatin1String("\r\n"));
    QCOMPARE(mime::decodeWords(unfolded), decoded);
}

void TestMimeMessage::encodeWordsRoundTrip()
{
    const QStringList texts = {
        QStringLiteral("Olá, Bob! Promoção de crepes"),
        QStringLiteral("Maria da Conceição Gonçalves Magalhães de Albuquerque e Bragança"),
        QStringLiteral("日本語のメールと絵文字 😀😀😀😀😀😀😀😀😀😀😀😀"),
        QStringLiteral("ASCII only"),
    };
    for (const QString &text : texts) {
        const QString encoded = mime::encodeWords(text);
        for (const QString &word : encoded.split(QLatin1Char(' ')))
            QVERIFY(word.size() <= 60 || text == QStringLiteral("ASCII only"));
        QCOMPARE(mime::decodeWords(encoded), text);
        QCOMPARE(mime::decodeWords(rfc5322::encodeWord(text)), text);
    }
}

void TestMimeMessage::contentType_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("expected");
    QTest::newRow("simple") << QStringLiteral("Text/Plain; charset=UTF-8")
                            << QStringLiteral("text/plain") << QStringLiteral("charset")
                            << QStringLiteral("UTF-8");
    QTest::newRow("quoted") << QStringLiteral("multipart/mixed; boundary=\"=_a; b\\\"c\"")
                            << QStringLiteral("multipart/mixed") << QStringLiteral("boundary")
                            << QStringLiteral("=_a; b\"c");
    QTest::newRow("folded") << QStringLiteral("multipart/report; report-type=delivery-status;\t"
                                              "boundary=\"x/y\"")
                            << QStringLiteral("multipart/report") << QStringLiteral("boundary")
                            << QStringLiteral("x/y");
    QTest::newRow("upper-case name")
        << QStringLiteral("image/jpeg; NAME=crepe.jpg") << QStringLiteral("image/jpeg")
        << QStringLiteral("name") << QStringLiteral("crepe.jpg");
    QTest::newRow("rfc 2231 charset")
        << QStringLiteral("application/pdf; name*=UTF-8''relat%C3%B3rio.pdf")
        << QStringLiteral("application/pdf") << QStringLiteral("name")
        << QStringLiteral("relatório.pdf");
    QTest::newRow("rfc 2231 continuations")
        << QStringLiteral("application/pdf; name*1*=%C3%A7%C3%A3o.pdf; "
                          "name*0*=ISO-8859-1'pt'promo%E7%E3o-; name*2=\" final\"")
        << QStringLiteral("application/pdf") << QStringLiteral("name")
        << QStringLiteral("promoção-Ã§Ã£o.pdf final");
    QTest::newRow("comment") << QStringLiteral("text/plain (ASCII); charset=us-ascii")
                             << QStringLiteral("text/plain") << QStringLiteral("charset")
                             << QStringLiteral("us-ascii");
    QTest::newRow("no subtype") << QStringLiteral("text; charset=us-ascii")
                                << QStringLiteral("text/plain") << QStringLiteral("charset")
                                << QString();
}

void TestMimeMessage::contentType()
{
    QFETCH(QString, value);
    QFETCH(QString, type);
    QFETCH(QString, parameter);
    QFETCH(QString, expected);
    QMap<QString, QString> parameters;
    QCOMPARE(mime::parseContentType(value, &parameters), type);
    QCOMPARE(parameters.value(parameter), expected);
    // What formatParameter writes reads back.
    for (const QString &text : {QStringLiteral("crepe.jpg"), QStringLiteral("a \"quoted\" name"),
                                QStringLiteral("relatório de promoção de crepes de março de "
                                               "2026, versão final.pdf")}) {
        QMap<QString, QString> back;
        mime::parseContentType(QStringLiteral("application/pdf; ") +
                                   mime::formatParameter(QStringLiteral("name"), text),
                               &back);
        QCOMPARE(back.value(QStringLiteral("name")), text);
    }
}

void TestMimeMessage::addressList_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QList<Mailbox>>("expected");
    QTest::newRow("bare") << QStringLiteral("bob@y.edu")
                          << QList<Mailbox>{{QString(), QStringLiteral("bob@y.edu")}};
    QTest::newRow("quoted comma") << QStringLiteral("\"Silva, Ana\" <ana@x.pt>, bob@y.edu")
                                  << QList<Mailbox>{
                                         {QStringLiteral("Silva, Ana"), QStringLiteral("ana@x.pt")},
                                         {QString(), QStringLiteral("bob@y.edu")}};
    QTest::newRow("plain name") << QStringLiteral("Alice <alice@crepes.fr>")
                                << QList<Mailbox>{{QStringLiteral("Alice"),
                                                   QStringLiteral("alice@crepes.fr")}};
    QTest::newRow("encoded name")
        << QStringLiteral("=?UTF-8?B?Sm/Do28gQXJhw7pqbw==?= <joao@x.pt>, <bob@y.edu>")
        << QList<Mailbox>{{QStringLiteral("João Araújo"), QStringLiteral("joao@x.pt")},
                          {QString(), QStringLiteral("bob@y.edu")}};
    QTest::newRow("comment name") << QStringLiteral("bob@y.edu (Bob Burger)")
                                  << QList<Mailbox>{{QStringLiteral("Bob Burger"),
                                                     QStringLiteral("bob@y.edu")}};
    QTest::newRow("escaped quote")
        << QStringLiteral("\"Ana \\\"Nana\\\" Silva\" <ana@x.pt>")
        << QList<Mailbox>{{QStringLiteral("Ana \"Nana\" Silva"), QStringLiteral("ana@x.pt")}};
    QTest::newRow("group") << QStringLiteral("Turma: ana@x.pt, \"Bob\" <bob@y.edu>;, carol@z.org")
                           << QList<Mailbox>{{QString(), QStringLiteral("ana@x.pt")},
                                             {QStringLiteral("Bob"), QStringLiteral("bob@y.edu")},
                                             {QString(), QStringLiteral("carol@z.org")}};
    QTest::newRow("empty group") << QStringLiteral("undisclosed-recipients:;") << QList<Mailbox>{};
    QTest::newRow("folded and empty entries")
        << QStringLiteral("Alice <alice@crepes.fr>,\r\n Bob <bob@y.edu>,,")
        << QList<Mailbox>{{QStringLiteral("Alice"), QStringLiteral("alice@crepes.fr")},
                          {QStringLiteral("Bob"), QStringLiteral("bob@y.edu")}};
    QTest::newRow("comma in angle brackets route")
        << QStringLiteral("Bob <@a.edu,@b.edu:bob@y.edu>")
        << QList<Mailbox>{{QStringLiteral("Bob"), QStringLiteral("bob@y.edu")}};
}

void TestMimeMessage::addressList()
{
    QFETCH(QString, value);
    QFETCH(QList<Mailbox>, expected);
    const QList<Mailbox> actual = mime::parseAddressList(value);
    QCOMPARE(actual.size(), expected.size());
    for (int i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual.at(i).name, expected.at(i).name);
        QCOMPARE(actual.at(i).address, expected.at(i).address);
    }
}

void TestMimeMessage::pythonReadsWithoutDefects()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is not installed");

    QMap<QString, QByteArray> messages;
    const SendStep ascii = textStep(QStringLiteral("Do you like ketchup?"),
                                    QStringLiteral("Do you like ketchup?\nHow about pickles?\n"));
    messages[QStringLiteral("01-ascii")] = compose(ascii);
    SendStep accented = textStep(QStringLiteral("Olá, Bob! Promoção de crepes"),
                                 QStringLiteral("Olá, Bob! Promoção de crepes\n"));
    accented.from = QStringLiteral("joao@x.pt");
    accented.to = {QStringLiteral("ana@x.pt"), QStringLiteral("long@x.pt")};
    accented.cc = {QStringLiteral("bob@hamburger.edu")};
    messages[QStringLiteral("02-accented")] = compose(accented);
    SendStep html = accented;
    html.html = QStringLiteral("<p>Olá, <b>Bob</b>!</p>\n<p>") + QString(1200, QLatin1Char('x')) +
                QStringLiteral("</p>\n");
    messages[QStringLiteral("03-html")] = compose(html);
    SendStep everything = html;
    everything.attachments = {
        {QStringLiteral("crepe.jpg"), QStringLiteral("image/jpeg"), 3072},
        {QStringLiteral("relatório de promoção de crepes de março de 2026, versão final.pdf"),
         QStringLiteral("application/pdf"), 58},
        {QStringLiteral("empty.bin"), QStringLiteral("application/octet-stream"), 0}};
    messages[QStringLiteral("04-html-attachments")] = compose(everything);
    SendStep sizes = ascii;
    for (qint64 size : {0, 1, 2, 3, 57, 58})
        sizes.attachments.append({QStringLiteral("file%1.bin").arg(size),
                                  QStringLiteral("application/octet-stream"), size});
    messages[QStringLiteral("05-sizes")] = compose(sizes);
    SendStep noNewline = textStep(QStringLiteral("x"), QStringLiteral("no newline"));
    noNewline.attachments = {{QStringLiteral("a.txt"), QStringLiteral("text/plain"), 0}};
    messages[QStringLiteral("06-no-newline")] = compose(noNewline);
    messages[QStringLiteral("07-bounce")] = bounceOf(messages.value(QStringLiteral("01-ascii")));
    messages[QStringLiteral("08-bounce-nested")] =
        bounceOf(messages.value(QStringLiteral("04-html-attachments")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
        QFile file(dir.filePath(it.key()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(it.value());
    }
    QProcess process;
    process.start(python, {QStringLiteral("-c"), QString::fromUtf8(kPythonCheck), dir.path()});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(result.size(), messages.size());
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
        const QJsonObject python = result.value(it.key()).toObject();
        const QString name = it.key();
        QStringList pyDefects;
        for (const QJsonValue &v : python.value(QStringLiteral("defects")).toArray())
            pyDefects << v.toString();
        QVERIFY2(pyDefects.isEmpty(),
                 qPrintable(name + QStringLiteral(": ") + pyDefects.join(QStringLiteral("; "))));
        QStringList ourDefects;
        const MimePart ours = MimeParser::parse(it.value(), &ourDefects);
        QVERIFY2(ourDefects.isEmpty(),
                 qPrintable(name + QStringLiteral(": ") + ourDefects.join(QStringLiteral("; "))));
        QStringList pyTypes, pyDigests, ourDigests;
        for (const QJsonValue &v : python.value(QStringLiteral("types")).toArray())
            pyTypes << v.toString();
        for (const QJsonValue &v : python.value(QStringLiteral("digests")).toArray())
            pyDigests << v.toString();
        QCOMPARE(ours.structure(), pyTypes);
        leafDigests(ours, &ourDigests);
        QCOMPARE(ourDigests, pyDigests);
    }
}

QTEST_GUILESS_MAIN(TestMimeMessage)
#include "tst_mimemessage.moc"
