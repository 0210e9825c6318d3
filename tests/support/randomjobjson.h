// Random job documents for the job file property test (tests/cli/testjobjsonproperty.cpp): every trigger and
// action, every key of the job JSON, boundary-biased values, wrong types, missing and unknown keys. Each document
// comes with the verdict the import must give and, when it is taken, the job JSON `export` must give back.
//
// The expectation is the document after the normalisation of docs/import-export.md ("What an import keeps"):
// defaults filled in, seconds rounded to the millisecond, instants written in the trigger's zone, and so on. It is
// worked out here from the contract (DESIGN.md section 7, docs/import-export.md), not by calling the code under
// test; only ZoneRules (the zone tables every part of Punctual shares) is used, to turn local wall-clock texts into
// instants.
#pragma once

#include "support/randomjobtriggers.h"

namespace punctual::test {

class RandomJobJson : public RandomTriggerJson
{
public:
    using Settings = RandomJobSettings;
    using RandomTriggerJson::RandomTriggerJson;

    JobCandidate next(int serial)
    {
        for (;;) {
            if (auto candidate = tryNext(serial))
                return *candidate;
        }
    }

private:
    // ---- ids and names

    Field id(int serial, bool &generated)
    {
        const QString tag = QString::number(serial);
        generated = false;
        if (m_settings.allowMissingId && chance(0.015)) {
            generated = true;
            const QJsonObject marker{{QStringLiteral("$generatedId"), true}};
            return chance(0.5) ? Field{std::nullopt, marker, {}} : Field{QString(), marker, {}};
        }
        // 200 code points in all, the tag included; the filler is one code point (or one surrogate pair).
        const QString filler = pick(QStringList{QStringLiteral("x"), QStringLiteral("中"), QStringLiteral("😀"),
                                                QStringLiteral("\u0301")});
        const QString longest = tag + QLatin1Char('-') + codePoints(filler, 199 - int(tag.size()));
        const QStringList valid{
            QStringLiteral("job-") + tag,
            QStringLiteral("Nightly backup ") + tag,
            QStringLiteral(" padded ") + tag + QLatin1Char(' '),
            QStringLiteral("-dash-") + tag,
            QStringLiteral("😀-") + tag,
            QStringLiteral("👍🏽🇩🇪-") + tag,
            QStringLiteral("e\u0301\u0302-") + tag,
            QStringLiteral("a") + codePoints(QStringLiteral("\u0301"), 50) + tag,
            QStringLiteral("مهمة-") + tag,
            QStringLiteral("משימה ") + tag,
            QStringLiteral("任务") + tag,
            QStringLiteral("a\u00A0b\u3000") + tag,
            QStringLiteral("\uFFFD") + tag,
            QStringLiteral("$weird'\"\\/<>&;|`{}[]%") + tag,
            longest,
        };
        const QList<Invalid> invalid{
            {QStringLiteral("   "), QStringLiteral("blank")},
            {QStringLiteral("\u00A0\u3000 "), QStringLiteral("blank (Unicode spaces)")},
            {QStringLiteral("\t") + tag, QStringLiteral("a tab")},
            {QStringLiteral("a\nb") + tag, QStringLiteral("a line break")},
            {QStringLiteral("a\rb") + tag, QStringLiteral("a carriage return")},
            {QString(QChar(0)) + tag, QStringLiteral("NUL")},
            {QStringLiteral("a\u007Fb") + tag, QStringLiteral("DEL")},
            {QStringLiteral("a\u0085b") + tag, QStringLiteral("NEL")},
            {QStringLiteral("a\u001B[31mb") + tag, QStringLiteral("ESC")},
            {QStringLiteral("a\u200Bb") + tag, QStringLiteral("a zero-width space (format character)")},
            {QStringLiteral("a\u202Eb") + tag, QStringLiteral("a right-to-left override")},
            {QStringLiteral("\uFEFF") + tag, QStringLiteral("a byte order mark")},
            {QStringLiteral("\uE000") + tag, QStringLiteral("a private use character")},
            {QStringLiteral("\u0378") + tag, QStringLiteral("an unassigned code point")},
            {QString(QChar(0xD83D)) + tag, QStringLiteral("an unpaired surrogate")},
            {QStringLiteral("a\u2028b") + tag, QStringLiteral("a line separator")},
            {QStringLiteral("a\u2029b") + tag, QStringLiteral("a paragraph separator")},
            {longest + filler, QStringLiteral("201 code points")},
            {serial, QStringLiteral("a number")},
            {true, QStringLiteral("a bool")},
            {QJsonValue(QJsonValue::Null), QStringLiteral("null")},
            {QJsonArray{tag}, QStringLiteral("an array")},
            {QJsonObject{}, QStringLiteral("an object")},
        };
        if (bad()) {
            const Invalid &choice = pick(invalid);
            return {choice.input, std::nullopt, choice.why};
        }
        const QString value = pick(valid);
        return {value, value, {}};
    }

    Field name()
    {
        const QJsonObject sameAsId{{QStringLiteral("$sameAsId"), true}};
        const QStringList valid{QString(),
                                QStringLiteral("Nightly backup — 02:30 😀"),
                                codePoints(QStringLiteral("ü"), 1000),
                                codePoints(QStringLiteral("😀"), 1000),
                                QStringLiteral("double  spaces  inside"),
                                QStringLiteral("👨\u200D👩\u200D👧 family"),
                                QStringLiteral("مهمة ليلية"),
                                QStringLiteral(" leading and trailing "),
                                QStringLiteral("zero\u200Bwidth"),
                                QStringLiteral("\"quoted\" \\ back/slash")};
        QList<Invalid> invalid{{codePoints(QStringLiteral("ü"), 1001), QStringLiteral("1001 characters")},
                               {QStringLiteral("two\nlines"), QStringLiteral("a line break")},
                               {QStringLiteral("carriage\rreturn"), QStringLiteral("a carriage return")},
                               {QStringLiteral("tab\there"), QStringLiteral("a tab")},
                               {QStringLiteral("esc\u001B[31m"), QStringLiteral("ESC")},
                               {QStringLiteral("a\u0085b"), QStringLiteral("NEL")},
                               {QStringLiteral("a\u2028b"), QStringLiteral("a line separator")},
                               {QStringLiteral("a\u2029b"), QStringLiteral("a paragraph separator")},
                               {QStringLiteral("del\u007F"), QStringLiteral("DEL")},
                               {QStringLiteral("\uFEFFstarts with a byte order mark"), QStringLiteral("a leading U+FEFF")},
                               {QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b"), QStringLiteral("an unpaired high surrogate")},
                               {QString(QChar(0xDC00)), QStringLiteral("an unpaired low surrogate")}};
        invalid.append(wrongTypes(Kind::String, false));
        QList<Valid> choices;
        for (const QString &value : valid)
            choices.append({value, value.isEmpty() ? QJsonValue(sameAsId) : QJsonValue(value)}); // "": no name
        return choose(0.3, sameAsId, choices, invalid);
    }

    // ---- actions

    Part commandAction(bool shell)
    {
        using namespace randomjob;
        Part part;
        part.put(QStringLiteral("type"), {QStringLiteral("command"), QStringLiteral("command"), {}});
        QList<Invalid> badPrograms{{QString(), QStringLiteral("empty")}};
        badPrograms.append(wrongTypes(Kind::String, false));
        Field program = choose(0, std::nullopt,
                               {{QStringLiteral("/bin/true"), QStringLiteral("/bin/true")},
                                {QStringLiteral("true"), QStringLiteral("true")},
                                {QStringLiteral("echo 'a b' \"$HOME\" | tr a-z A-Z"), QStringLiteral("echo 'a b' \"$HOME\" | tr a-z A-Z")},
                                {QStringLiteral("/opt/😀 tools/run"), QStringLiteral("/opt/😀 tools/run")},
                                // A byte order mark starting a string: Qt's JSON reader drops it unless told not to.
                                {QStringLiteral("\uFEFF/bin/true"), QStringLiteral("\uFEFF/bin/true")},
                                {QStringLiteral("/bin/") + QChar(0xDC00), QStringLiteral("/bin/") + QChar(0xDC00)}},
                               badPrograms);
        if (bad() && chance(0.2))
            program = {std::nullopt, std::nullopt, QStringLiteral("missing")};
        part.put(QStringLiteral("program"), program);
        part.put(QStringLiteral("arguments"),
                 stringList(0.3, QJsonArray{},
                            {{}, {QStringLiteral("--all")}, {QString(), QStringLiteral("two\nlines"), QStringLiteral("😀")},
                             {QStringLiteral("\uFEFF"), QStringLiteral("\uFEFFx")},
                             {QStringLiteral("-c"), QStringLiteral("echo $1"), QStringLiteral("x")}}));
        part.put(QStringLiteral("working_directory"),
                 optionalText(0.6, {QString(), QStringLiteral("/tmp"), QStringLiteral("relative/dir"), QStringLiteral("~")}));
        part.put(QStringLiteral("environment"),
                 stringMap({{}, {{QStringLiteral("A"), QStringLiteral("1")}},
                            {{QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8")}, {QStringLiteral("EMPTY"), QString()},
                             {QStringLiteral("UNI"), QStringLiteral("😀\nline")}}}));
        if (shell) {
            Field useShell = boolean(0, true);
            if (useShell.refusal.isEmpty() && !useShell.input->toBool())
                useShell.expected.reset();
            part.put(QStringLiteral("shell"), useShell);
        } else {
            part.put(QStringLiteral("shell"), flag(0.8));
        }
        QList<Valid> caps{{0, 0}, {1, 1}, {4096, 4096}, {maxOutputCap, maxOutputCap}, {1048576, std::nullopt}};
        Field cap = choose(0.6, std::nullopt, caps,
                           {{maxOutputCap + 1, QStringLiteral("over 1 GiB")},
                            {-1, QStringLiteral("negative")},
                            {1.5, QStringLiteral("not whole")},
                            {1e300, QStringLiteral("huge")},
                            {qint64(twoTo53 + 1), QStringLiteral("2^53+1")},
                            {QStringLiteral("4096"), QStringLiteral("a string")},
                            {QJsonValue(QJsonValue::Null), QStringLiteral("null")}});
        part.put(QStringLiteral("output_cap_bytes"), cap);
        unknownKey(part, {QStringLiteral("args"), QStringLiteral("cwd"), QStringLiteral("stdin")});
        return part;
    }

    Part functionAction()
    {
        using namespace randomjob;
        Part part;
        part.put(QStringLiteral("type"), {QStringLiteral("function"), QStringLiteral("function"), {}});
        QList<Invalid> badNames{{QString(), QStringLiteral("empty")}};
        badNames.append(wrongTypes(Kind::String, false));
        part.put(QStringLiteral("name"), choose(0, std::nullopt,
                                                {{QStringLiteral("cleanup"), QStringLiteral("cleanup")},
                                                 {QStringLiteral("ns::fn"), QStringLiteral("ns::fn")},
                                                 {QStringLiteral("😀"), QStringLiteral("😀")}},
                                                badNames));
        const QJsonObject nested{{QStringLiteral("big"), qint64(twoTo53 + 1)},
                                 {QStringLiteral("huge"), 1e300},
                                 {QStringLiteral("tiny"), 1e-300},
                                 {QStringLiteral("fraction"), 0.1},
                                 {QStringLiteral("min"), qint64(std::numeric_limits<qint64>::min())},
                                 {QStringLiteral("text"), QStringLiteral("😀\n\"\\")},
                                 {QStringLiteral("\uFEFFkey"), QStringLiteral("\uFEFFvalue")},
                                 {QStringLiteral("none"), QJsonValue(QJsonValue::Null)},
                                 {QStringLiteral("list"), QJsonArray{1, QStringLiteral("a"), QJsonArray{}, QJsonObject{}}},
                                 {QStringLiteral("ключ"), QJsonObject{{QStringLiteral(""), false}}}};
        QList<Valid> arguments{{QJsonObject{}, std::nullopt}, {nested, nested},
                               {QJsonObject{{QStringLiteral("days"), 30}}, QJsonObject{{QStringLiteral("days"), 30}}}};
        part.put(QStringLiteral("arguments"),
                 choose(0.5, std::nullopt, arguments,
                        {{QJsonArray{1}, QStringLiteral("a list")},
                         {QStringLiteral("x"), QStringLiteral("a string")},
                         {QJsonValue(QJsonValue::Null), QStringLiteral("null")}}));
        unknownKey(part, {QStringLiteral("args"), QStringLiteral("function")});
        return part;
    }

    Part sqlConnection()
    {
        Part part;
        part.put(QStringLiteral("name"), text(0.3, QString(), {QStringLiteral("tokens"), QString(), QStringLiteral("数据库")}));
        QList<Invalid> badDrivers{{QString(), QStringLiteral("empty")}};
        badDrivers.append(wrongTypes(Kind::String, false));
        part.put(QStringLiteral("driver"), choose(0.3, QStringLiteral("QSQLITE"),
                                                  {{QStringLiteral("QSQLITE"), QStringLiteral("QSQLITE")},
                                                   {QStringLiteral("QPSQL"), QStringLiteral("QPSQL")}},
                                                  badDrivers));
        part.put(QStringLiteral("host"), optionalText(0.6, {QString(), QStringLiteral("db.example"), QStringLiteral("::1")}));
        part.put(QStringLiteral("port"), choose(0.6, std::nullopt,
                                                {{0, std::nullopt}, {1, 1}, {5432, 5432}, {65535, 65535}},
                                                {{65536, QStringLiteral("port 65536")},
                                                 {-1, QStringLiteral("negative")},
                                                 {5432.5, QStringLiteral("not whole")},
                                                 {4294967296.0 + 5432, QStringLiteral("2^32 + 5432 (an int wrap)")},
                                                 {QStringLiteral("5432"), QStringLiteral("a string")},
                                                 {QJsonValue(QJsonValue::Null), QStringLiteral("null")}}));
        QList<Invalid> badDatabases{{QString(), QStringLiteral("empty")},
                                    {QStringLiteral("DSN=x;PWD=secret"), QStringLiteral("a password in it")},
                                    {QStringLiteral("postgresql://u:secret@h/db"), QStringLiteral("a password in a URL")}};
        badDatabases.append(wrongTypes(Kind::String, false));
        Field database = choose(0, std::nullopt,
                                {{QStringLiteral("/tmp/tokens.db"), QStringLiteral("/tmp/tokens.db")},
                                 {QStringLiteral("app"), QStringLiteral("app")}},
                                badDatabases);
        if (bad() && chance(0.2))
            database = {std::nullopt, std::nullopt, QStringLiteral("missing")};
        part.put(QStringLiteral("database"), database);
        part.put(QStringLiteral("user"), optionalText(0.6, {QString(), QStringLiteral("scheduler")}));
        Field options = optionalText(0.7, {QString(), QStringLiteral("connect_timeout=5")});
        if (bad())
            options = {QStringLiteral("password=secret"), std::nullopt, QStringLiteral("a password in the options")};
        part.put(QStringLiteral("options"), options);
        // Where the password is kept: none, keychain (needs a name) or environment (needs a variable).
        const QString source = pick(QStringList{QStringLiteral("none"), QStringLiteral("keychain"), QStringLiteral("environment")});
        if (bad()) {
            part.put(QStringLiteral("password"), pick(QList<Field>{{QStringLiteral("hunter2"), std::nullopt, QStringLiteral("a password")},
                                                                  {5, std::nullopt, QStringLiteral("a number")},
                                                                  {QJsonValue(QJsonValue::Null), std::nullopt, QStringLiteral("null")}}));
        } else if (source == QLatin1String("none") && chance(0.4)) {
            part.expected.insert(QStringLiteral("password"), source); // absent: none
        } else {
            part.put(QStringLiteral("password"), {source, source, {}});
        }
        if (source == QLatin1String("keychain") && part.input.value(QStringLiteral("password")) == QJsonValue(source)
            && part.expected.value(QStringLiteral("name")).toString().isEmpty())
            part.refuse(QStringLiteral("a keychain password needs a connection name"));
        if (source == QLatin1String("environment") && part.input.value(QStringLiteral("password")) == QJsonValue(source)) {
            Field variable = text(0, std::nullopt, {QStringLiteral("TOKENS_PASSWORD")});
            if (bad())
                variable = pick(QList<Field>{{QString(), std::nullopt, QStringLiteral("no variable")},
                                             {std::nullopt, std::nullopt, QStringLiteral("no variable")}});
            part.put(QStringLiteral("password_variable"), variable);
        }
        if (bad())
            part.put(pick(QStringList{QStringLiteral("password_text"), QStringLiteral("passwd"), QStringLiteral("secret")}),
                     {QStringLiteral("hunter2"), std::nullopt, QStringLiteral("a password key")});
        unknownKey(part, {QStringLiteral("pasword"), QStringLiteral("port_number")});
        return part;
    }

    Part sqlAction()
    {
        Part part;
        part.put(QStringLiteral("type"), {QStringLiteral("sql"), QStringLiteral("sql"), {}});
        if (bad() && chance(0.3))
            part.put(QStringLiteral("connection"), {pick(QList<QJsonValue>{QStringLiteral("tokens"), QJsonArray{},
                                                                           QJsonValue(QJsonValue::Null)}),
                                                    std::nullopt, QStringLiteral("not an object")});
        else
            part.putPart(QStringLiteral("connection"), sqlConnection());
        // Blank statements are left out; at least one must remain.
        Field statements = stringList(0, std::nullopt,
                                      {{QStringLiteral("DELETE FROM tokens WHERE expires_at < :now")},
                                       {QStringLiteral("SELECT 1"), QStringLiteral("  SELECT 2  ")}});
        if (chance(0.15) && !bad())
            statements = {QJsonArray{QString(), QStringLiteral("SELECT 1"), QStringLiteral("   ")},
                          QJsonArray{QStringLiteral("SELECT 1")}, {}};
        else if (bad() && chance(0.3))
            statements = pick(QList<Field>{{QJsonArray{}, std::nullopt, QStringLiteral("no statement")},
                                           {QJsonArray{QStringLiteral(" ")}, std::nullopt, QStringLiteral("only blank")},
                                           {std::nullopt, std::nullopt, QStringLiteral("missing")}});
        part.put(QStringLiteral("statements"), statements);
        part.put(QStringLiteral("statement_timeout"), seconds(0.4, randomjob::secondsJson(60'000), false, true));
        unknownKey(part, {QStringLiteral("statement"), QStringLiteral("timeout")});
        return part;
    }

    Part httpAction()
    {
        Part part;
        part.put(QStringLiteral("type"), {QStringLiteral("http"), QStringLiteral("http"), {}});
        // URLs are trimmed; blank entries are left out.
        const QList<Valid> urls{{QJsonArray{QStringLiteral("http://localhost:8080/")}, QJsonArray{QStringLiteral("http://localhost:8080/")}},
                                {QJsonArray{QStringLiteral("  https://example.com/a?b=c&d=%C3%BC  "), QString(),
                                            QStringLiteral("http://[::1]:9/")},
                                 QJsonArray{QStringLiteral("https://example.com/a?b=c&d=%C3%BC"), QStringLiteral("http://[::1]:9/")}}};
        part.put(QStringLiteral("urls"),
                 choose(0, std::nullopt, urls,
                        {{QJsonArray{}, QStringLiteral("no URL")},
                         {QJsonArray{QString()}, QStringLiteral("only a blank URL")},
                         {QJsonArray{QStringLiteral("ftp://example.com/")}, QStringLiteral("not http")},
                         {QJsonArray{QStringLiteral("http://")}, QStringLiteral("no host")},
                         {QJsonArray{QStringLiteral("not a url")}, QStringLiteral("not a URL")},
                         {QStringLiteral("http://example.com/"), QStringLiteral("a string, not a list")},
                         {QJsonArray{5}, QStringLiteral("a number in the list")},
                         {QJsonValue(QJsonValue::Null), QStringLiteral("null")}}));
        QList<Invalid> badMethods{{QStringLiteral("PUT"), QStringLiteral("PUT")}, {QString(), QStringLiteral("empty")}};
        badMethods.append(wrongTypes(Kind::String, false));
        part.put(QStringLiteral("method"), choose(0.4, QStringLiteral("GET"),
                                                  {{QStringLiteral("GET"), QStringLiteral("GET")},
                                                   {QStringLiteral("get"), QStringLiteral("GET")},
                                                   {QStringLiteral("Post"), QStringLiteral("POST")},
                                                   {QStringLiteral("HEAD"), QStringLiteral("HEAD")}},
                                                  badMethods));
        part.put(QStringLiteral("body"), optionalText(0.6, {QString(), QStringLiteral("{\"warm\": true} ✓\n")}));
        part.put(QStringLiteral("content_type"), optionalText(0.6, {QString(), QStringLiteral("application/json")}));
        QList<Valid> headers{{QJsonObject{}, std::nullopt},
                             {QJsonObject{{QStringLiteral("X-Warm"), QStringLiteral("1")}},
                              QJsonObject{{QStringLiteral("X-Warm"), QStringLiteral("1")}}}};
        part.put(QStringLiteral("headers"),
                 choose(0.5, std::nullopt, headers,
                        {{QJsonObject{{QStringLiteral("X-A"), QStringLiteral("a\r\nX-B: b")}}, QStringLiteral("CR LF in a value")},
                         {QJsonObject{{QString(), QStringLiteral("x")}}, QStringLiteral("an empty name")},
                         {QJsonObject{{QStringLiteral("X-A"), 5}}, QStringLiteral("a number value")},
                         {QJsonArray{}, QStringLiteral("a list")}}));
        part.put(QStringLiteral("concurrency"), wholeNumber(0.4, 4, 1, 64));
        part.put(QStringLiteral("request_timeout"), seconds(0.4, randomjob::secondsJson(30'000), false, false));
        part.put(QStringLiteral("follow_redirects"), boolean(0.4, true));
        part.put(QStringLiteral("fail_on_http_error"), boolean(0.4, true));
        unknownKey(part, {QStringLiteral("url"), QStringLiteral("timeout")});
        return part;
    }

    Field action()
    {
        if (bad() && chance(0.15)) {
            const QList<Invalid> invalid{{QStringLiteral("/bin/true"), QStringLiteral("a string")},
                                         {QJsonArray{}, QStringLiteral("an array")},
                                         {QJsonValue(QJsonValue::Null), QStringLiteral("null")},
                                         {QJsonObject{{QStringLiteral("type"), QStringLiteral("rocket")}}, QStringLiteral("unknown type")},
                                         {QJsonObject{{QStringLiteral("program"), QStringLiteral("/bin/true")}}, QStringLiteral("no type")},
                                         {QJsonObject{{QStringLiteral("type"), QStringLiteral("Command")},
                                                      {QStringLiteral("program"), QStringLiteral("/bin/true")}},
                                          QStringLiteral("type in capitals")}};
            const Invalid &choice = pick(invalid);
            return {choice.input, std::nullopt, choice.why};
        }
        Part part;
        switch (m_random.bounded(5)) {
        case 0: part = commandAction(false); break;
        case 1: part = commandAction(true); break;
        case 2: part = functionAction(); break;
        case 3: part = sqlAction(); break;
        default: part = httpAction(); break;
        }
        return {part.input, part.expected, part.refusals.join(QStringLiteral("; "))};
    }

    // ---- the job

    std::optional<JobCandidate> tryNext(int serial)
    {
        using namespace randomjob;
        // Half of the documents are meant to be valid, the others get a few bad values.
        m_badRate = chance(0.5) ? 0.0 : 0.06;
        JobCandidate candidate;
        candidate.serial = serial;
        if (m_badRate > 0 && chance(0.02)) {
            candidate.document = pick(QList<QJsonValue>{5, QStringLiteral("job"), QJsonArray{}, QJsonValue(QJsonValue::Null), true});
            candidate.refusals = {QStringLiteral("not a job object")};
            return candidate;
        }

        Part job;
        job.put(QStringLiteral("id"), id(serial, candidate.idGenerated));
        job.put(QStringLiteral("name"), name());
        Field paused = boolean(0.5, false);
        job.put(QStringLiteral("paused"), paused);

        job.put(QStringLiteral("max_instances"), wholeNumber(0.5, 1, 1, 1000));
        job.put(QStringLiteral("coalesce"), boolean(0.5, true));
        Field grace = seconds(0.5, secondsJson(60'000), true, true);
        job.put(QStringLiteral("misfire_grace_time"), grace);
        job.put(QStringLiteral("timeout"), seconds(0.5, QJsonValue(QJsonValue::Null), false, true));
        job.put(QStringLiteral("max_retries"), wholeNumber(0.5, 0, 0, 100));
        job.put(QStringLiteral("retry_delay"), seconds(0.5, secondsJson(30'000), true, false));
        QList<Invalid> badBackoffs{{0.5, QStringLiteral("below 1")},
                                   {0, QStringLiteral("0")},
                                   {10.0001, QStringLiteral("above 10")},
                                   {11, QStringLiteral("above 10")},
                                   {-1, QStringLiteral("negative")},
                                   {1e300, QStringLiteral("huge")}};
        badBackoffs.append(wrongTypes(Kind::Number, false));
        job.put(QStringLiteral("retry_backoff"), choose(0.5, 1, {{1, 1}, {1.5, 1.5}, {2, 2}, {10, 10}, {1.0000001, 1.0000001}},
                                                        badBackoffs));
        job.put(QStringLiteral("retry_delay_max"), seconds(0.5, QJsonValue(QJsonValue::Null), true, true));
        job.put(QStringLiteral("remove_when_done"), boolean(0.5, false));
        job.put(QStringLiteral("recover"), boolean(0.5, false));
        QList<Valid> policies;
        for (const char *policy : {"skip", "queue-one", "queue-all", "replace", "allow"})
            policies.append({QString::fromLatin1(policy), QString::fromLatin1(policy)});
        QList<Invalid> badPolicies{{QStringLiteral("sometimes"), QStringLiteral("unknown policy")},
                                   {QStringLiteral("Skip"), QStringLiteral("names are lower case")},
                                   {QString(), QStringLiteral("empty")}};
        badPolicies.append(wrongTypes(Kind::String, false));
        job.put(QStringLiteral("overlap"), choose(0.6, QStringLiteral("skip"), policies, badPolicies));
        job.put(QStringLiteral("queue_limit"), wholeNumber(0.6, 10, 1, 10000));
        // Chains name other jobs, which these documents cannot rely on: only empty ones, and malformed ones.
        QList<Invalid> badChains{{QJsonObject{{QStringLiteral("on_sucess"), QJsonArray{}}}, QStringLiteral("unknown key")},
                                 {QJsonObject{{QStringLiteral("on_success"), QStringLiteral("a")}}, QStringLiteral("not a list")},
                                 {QJsonObject{{QStringLiteral("on_failure"), QJsonArray{5}}}, QStringLiteral("not an id")},
                                 {QJsonObject{{QStringLiteral("on_finish"), QJsonArray{QString()}}}, QStringLiteral("empty id")}};
        badChains.append({{QJsonArray{}, QStringLiteral("an array")},
                          {true, QStringLiteral("a bool")},
                          {5, QStringLiteral("a number")},
                          {QStringLiteral("on_success"), QStringLiteral("a string")}});
        job.put(QStringLiteral("chains"),
                choose(0.7, QJsonObject{},
                       {{QJsonObject{}, QJsonObject{}}, {QJsonValue(QJsonValue::Null), QJsonObject{}},
                        {QJsonObject{{QStringLiteral("on_success"), QJsonArray{}}}, QJsonObject{}}},
                       badChains));
        QList<Invalid> badCounts{{0, QStringLiteral("below 1")}, {1001, QStringLiteral("above 1000")},
                                 {1.5, QStringLiteral("not whole")}};
        badCounts.append(wrongTypes(Kind::Number, true));
        job.put(QStringLiteral("pause_after_failures"),
                choose(0.6, QJsonValue(QJsonValue::Null),
                       {{QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null)}, {1, 1}, {3, 3}, {1000, 1000}},
                       badCounts));
        // A note is kept only with a paused job; these documents leave it empty.
        job.put(QStringLiteral("pause_note"),
                choose(0.8, QString(), {{QString(), QString()}},
                       {{QStringLiteral("two\nlines"), QStringLiteral("not one line")}, {5, QStringLiteral("a number")}}));
        // Exclusion calendars must exist in the store these documents go to: only empty lists, and malformed ones.
        job.put(QStringLiteral("exclude"),
                choose(0.7, QJsonArray{}, {{QJsonArray{}, QJsonArray{}}},
                       {{QStringLiteral("holidays"), QStringLiteral("not a list")},
                        {QJsonArray{5}, QStringLiteral("not a name")},
                        {QJsonArray{QString()}, QStringLiteral("blank name")}}));

        // Event triggers: written back only when one is set, each key only when set.
        QList<Invalid> badEvents{{QJsonObject{{QStringLiteral("at_boot"), true}}, QStringLiteral("unknown key")},
                                 {QJsonObject{{QStringLiteral("at_start"), 1}}, QStringLiteral("not a bool")},
                                 {QJsonObject{{QStringLiteral("network_up"), QStringLiteral("yes")}}, QStringLiteral("not a bool")},
                                 {QJsonObject{{QStringLiteral("after_resume"), -1}}, QStringLiteral("negative")},
                                 {QJsonObject{{QStringLiteral("after_resume"), QStringLiteral("2m")}}, QStringLiteral("a string")},
                                 {QJsonArray{}, QStringLiteral("an array")},
                                 {true, QStringLiteral("a bool")},
                                 {5, QStringLiteral("a number")}};
        const QJsonObject atStart{{QStringLiteral("at_start"), true}};
        const QJsonObject resume{{QStringLiteral("after_resume"), 120}};
        const QJsonObject resumeNow{{QStringLiteral("after_resume"), 0}};
        const QJsonObject all{{QStringLiteral("at_start"), true}, {QStringLiteral("after_resume"), 0.5},
                              {QStringLiteral("network_up"), true}};
        job.put(QStringLiteral("events"),
                choose(0.7, std::nullopt,
                       {{QJsonObject{}, std::nullopt},
                        {QJsonValue(QJsonValue::Null), std::nullopt},
                        {QJsonObject{{QStringLiteral("at_start"), false}, {QStringLiteral("network_up"), false}}, std::nullopt},
                        {atStart, atStart},
                        {resume, resume},
                        {resumeNow, resumeNow},
                        {QJsonObject{{QStringLiteral("at_start"), false}, {QStringLiteral("network_up"), true}},
                         QJsonObject{{QStringLiteral("network_up"), true}}},
                        {all, all}},
                       badEvents));
        // Conditions that wait: left out of the export unless set (an empty list, null, false are the defaults).
        job.put(QStringLiteral("requires"),
                choose(0.6, std::nullopt,
                       {{QJsonArray{QStringLiteral("ac-power")}, QJsonArray{QStringLiteral("ac-power")}},
                        {QJsonArray{QStringLiteral("network"), QStringLiteral("idle:90s")},
                         QJsonArray{QStringLiteral("network"), QStringLiteral("idle:1m30s")}},
                        {QJsonArray{QStringLiteral("idle:PT15M"), QStringLiteral("idle:15m")},
                         QJsonArray{QStringLiteral("idle:15m")}},
                        {QJsonArray{}, std::nullopt},
                        {QJsonValue(QJsonValue::Null), std::nullopt}},
                       {{QJsonArray{QStringLiteral("sunshine")}, QStringLiteral("unknown condition")},
                        {QJsonArray{QStringLiteral("idle:0s")}, QStringLiteral("zero idle time")},
                        {QJsonArray{QStringLiteral("Network")}, QStringLiteral("names are lower case")},
                        {QStringLiteral("ac-power"), QStringLiteral("not a list")},
                        {QJsonArray{5}, QStringLiteral("not a name")}}));
        job.put(QStringLiteral("require_deadline"), seconds(0.7, std::nullopt, false, true));
        job.put(QStringLiteral("stop_if_lost"),
                choose(0.7, std::nullopt, {{true, true}, {false, std::nullopt}},
                       {{QStringLiteral("yes"), QStringLiteral("a string")}, {1, QStringLiteral("a number")}}));

        // Informational keys: the import does not read them.
        if (chance(0.2))
            job.put(QStringLiteral("state"), {pick(QList<QJsonValue>{QStringLiteral("scheduled"), QStringLiteral("bogus"), 5}),
                                              std::nullopt, {}});
        if (chance(0.2))
            job.put(QStringLiteral("next_run_time"),
                    {pick(QList<QJsonValue>{QStringLiteral("2030-01-01T00:00:00Z"), QStringLiteral("garbage"),
                                            QJsonValue(QJsonValue::Null), 5}),
                     std::nullopt, {}});

        TriggerDraft draft;
        if (bad() && chance(0.2)) {
            job.put(QStringLiteral("trigger"), pick(QList<Field>{{std::nullopt, std::nullopt, QStringLiteral("missing")},
                                                                 {QStringLiteral("* * * * *"), std::nullopt, QStringLiteral("a string")},
                                                                 {QJsonArray{}, std::nullopt, QStringLiteral("an array")},
                                                                 {QJsonValue(QJsonValue::Null), std::nullopt, QStringLiteral("null")}}));
        } else {
            draft = trigger();
            job.putPart(QStringLiteral("trigger"), draft.part);
        }
        if (bad() && chance(0.15))
            job.put(QStringLiteral("action"), {std::nullopt, std::nullopt, QStringLiteral("missing")});
        else
            job.put(QStringLiteral("action"), action());
        if (bad())
            job.put(pick(QStringList{QStringLiteral("jiter"), QStringLiteral("tags"), QStringLiteral("max_instance"),
                                     QStringLiteral("overlap"), QStringLiteral("Trigger"), QString()}),
                    {QJsonArray{QStringLiteral("x")}, std::nullopt, QStringLiteral("an unknown key")});

        candidate.paused = paused.refusal.isEmpty() && paused.input && paused.input->toBool();
        if (job.refusals.isEmpty() && !draft.schedule.verdict)
            qFatal("randomjobjson.h: a valid trigger without a schedule (document #%d)", serial);
        if (job.refusals.isEmpty()) {
            std::optional<std::int64_t> graceMs = 60'000;
            if (grace.input)
                graceMs = grace.input->isNull() ? std::nullopt
                                                : std::optional<std::int64_t>(llround(grace.expected->toDouble() * 1000));
            const QString early = draft.schedule.verdict(m_settings.nowMs, candidate.paused, graceMs);
            const QString late = draft.schedule.verdict(m_settings.nowMs + m_settings.windowMs, candidate.paused, graceMs);
            if (early != late || early == QLatin1String("?"))
                return std::nullopt; // the verdict could change while the test runs: try another
            if (!early.isEmpty())
                job.refuse(early);
            if (early.isEmpty() && m_settings.quiet && !candidate.paused) {
                // Nothing may fire while the test talks to the instance.
                const auto first = draft.schedule.firstFire(m_settings.nowMs);
                if (!first || *first <= m_settings.nowMs + m_settings.windowMs + hour) {
                    candidate.paused = true;
                    job.put(QStringLiteral("paused"), {true, true, {}});
                }
            }
        }
        candidate.document = job.input;
        candidate.refusals = job.refusals;
        candidate.accepted = job.refusals.isEmpty();
        if (candidate.accepted) {
            candidate.expected = job.expected;
            if (!candidate.expected.contains(QStringLiteral("paused")))
                candidate.expected.insert(QStringLiteral("paused"), false);
        }
        return candidate;
    }
};

} // namespace punctual::test
