#include "core/mailbox/mailboxstore.h"

#include <QtTest>

using namespace carteiro::core;

class TestMailboxStore : public QObject
{
    Q_OBJECT

private slots:
    void accountsAreCaseInsensitive();
    void deliverAssignsIncreasingUids();
    void deliverToUnknownAccountFails();
    void removeTakesOnlyTheGivenUids();
    void lockIsExclusive();
};

void TestMailboxStore::accountsAreCaseInsensitive()
{
    MailboxStore store;
    store.addAccount(QStringLiteral("Ana@Hamburger.edu"), QStringLiteral("Ana"),
                     QStringLiteral("faminta"));
    QVERIFY(store.hasAccount(QStringLiteral("ana@hamburger.edu")));
    QVERIFY(store.hasAccount(QStringLiteral("ANA@HAMBURGER.EDU")));
    QCOMPARE(store.addresses(), QStringList{QStringLiteral("ana@hamburger.edu")});
    const MailAccount *account = store.account(QStringLiteral("ana@hamburger.edu"));
    QVERIFY(account);
    QVERIFY(account->folders.contains(QStringLiteral("INBOX")));
    QCOMPARE(account->password, QStringLiteral("faminta"));
}

void TestMailboxStore::deliverAssignsIncreasingUids()
{
    MailboxStore store;
    const QString ana = QStringLiteral("ana@hamburger.edu");
    store.addAccount(ana, QStringLiteral("Ana"), QStringLiteral("faminta"));
    QCOMPARE(store.deliver(ana, "Subject: 1\r\n\r\none\r\n", 10), 1u);
    QCOMPARE(store.deliver(ana, "Subject: 2\r\n\r\ntwo\r\n", 20), 2u);
    QCOMPARE(store.remove(ana, QStringLiteral("INBOX"), {2}), 1);
    // A UID is never reused, even after the message with the highest one is gone.
    QCOMPARE(store.deliver(ana, "Subject: 3\r\n\r\nthree\r\n", 30), 3u);
    // Another folder counts on its own.
    QCOMPARE(store.deliver(ana, "Subject: s\r\n\r\nsent\r\n", 40, QStringLiteral("Sent")), 1u);

    const MailFolder &inbox = store.account(ana)->folders[QStringLiteral("INBOX")];
    QCOMPARE(inbox.messages.size(), std::size_t(2));
    QCOMPARE(inbox.messages.at(0).uid, 1u);
    QCOMPARE(inbox.messages.at(1).uid, 3u);
    QCOMPARE(inbox.messages.at(1).arrived, SimTime(30));
    QCOMPARE(inbox.uidNext, 4u);
}

void TestMailboxStore::deliverToUnknownAccountFails()
{
    MailboxStore store;
    QCOMPARE(store.deliver(QStringLiteral("nobody@hamburger.edu"), "x\r\n", 0), 0u);
    QCOMPARE(store.remove(QStringLiteral("nobody@hamburger.edu"), QStringLiteral("INBOX"), {1}), 0);
}

void TestMailboxStore::removeTakesOnlyTheGivenUids()
{
    MailboxStore store;
    const QString bob = QStringLiteral("bob@hamburger.edu");
    store.addAccount(bob, QStringLiteral("Bob"), QStringLiteral("hungry"));
    for (int i = 0; i < 4; ++i)
        store.deliver(bob, "m\r\n", i);
    QCOMPARE(store.remove(bob, QStringLiteral("INBOX"), {1, 3, 99}), 2);
    const auto &messages = store.account(bob)->folders[QStringLiteral("INBOX")].messages;
    QCOMPARE(messages.size(), std::size_t(2));
    QCOMPARE(messages.at(0).uid, 2u);
    QCOMPARE(messages.at(1).uid, 4u);
    QCOMPARE(store.remove(bob, QStringLiteral("Nowhere"), {2}), 0);
}

void TestMailboxStore::lockIsExclusive()
{
    MailboxStore store;
    const QString ana = QStringLiteral("ana@hamburger.edu");
    QVERIFY(store.lock(ana));
    QVERIFY(!store.lock(QStringLiteral("ANA@hamburger.edu")));
    QVERIFY(store.lock(QStringLiteral("bob@hamburger.edu")));
    store.unlock(ana);
    QVERIFY(store.lock(ana));
}

QTEST_GUILESS_MAIN(TestMailboxStore)
#include "tst_mailboxstore.moc"
