<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Action</name>
    <message>
        <source>an sql connection must not contain a password; keep it in the keychain or in an environment variable</source>
        <translation>eine SQL-Verbindung darf kein Passwort enthalten; bewahren Sie es im Schlüsselbund oder in einer Umgebungsvariablen auf</translation>
    </message>
    <message>
        <source>an sql action needs a database driver</source>
        <translation>eine SQL-Aktion braucht einen Datenbanktreiber</translation>
    </message>
    <message>
        <source>an sql action needs a database</source>
        <translation>eine SQL-Aktion braucht eine Datenbank</translation>
    </message>
    <message>
        <source>port %1 is out of range 1-65535</source>
        <translation>Port %1 liegt außerhalb von 1–65535</translation>
    </message>
    <message>
        <source>a connection whose password is in the keychain needs a name</source>
        <translation>eine Verbindung, deren Passwort im Schlüsselbund liegt, braucht einen Namen</translation>
    </message>
    <message>
        <source>name the environment variable that holds the password</source>
        <translation>nennen Sie die Umgebungsvariable, die das Passwort enthält</translation>
    </message>
    <message>
        <source>an sql action needs at least one statement</source>
        <translation>eine SQL-Aktion braucht mindestens eine Anweisung</translation>
    </message>
    <message>
        <source>statement_timeout must be a positive number of seconds or null</source>
        <translation>statement_timeout muss eine positive Zahl von Sekunden oder null sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL</source>
        <translation>„%1“ ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>an http action needs at least one URL</source>
        <translation>eine HTTP-Aktion braucht mindestens eine URL</translation>
    </message>
    <message>
        <source>unknown HTTP method &quot;%1&quot; (GET, HEAD or POST)</source>
        <translation>unbekannte HTTP-Methode „%1“ (GET, HEAD oder POST)</translation>
    </message>
    <message>
        <source>concurrency must be between 1 and 64</source>
        <translation>concurrency muss zwischen 1 und 64 liegen</translation>
    </message>
    <message>
        <source>a command action needs a program</source>
        <translation>eine Befehlsaktion braucht ein Programm</translation>
    </message>
    <message>
        <source>a function action needs a name</source>
        <translation>eine Funktionsaktion braucht einen Namen</translation>
    </message>
    <message>
        <source>unknown action type &quot;%1&quot;</source>
        <translation>unbekannter Aktionstyp „%1“</translation>
    </message>
    <message numerus="yes">
        <source>SQL on %1: %n statement(s)</source>
        <translation>
            <numerusform>SQL auf %1: %n Anweisung</numerusform>
            <numerusform>SQL auf %1: %n Anweisungen</numerusform>
        </translation>
    </message>
    <message>
        <source>function %1</source>
        <translation>Funktion %1</translation>
    </message>
    <message>
        <source>an sql connection&apos;s options must not contain a password; keep it in the keychain or in an environment variable</source>
        <translation>die Optionen einer SQL-Verbindung dürfen kein Passwort enthalten; bewahren Sie es im Schlüsselbund oder in einer Umgebungsvariablen auf</translation>
    </message>
    <message>
        <source>an sql connection&apos;s &quot;password&quot; says where the password is kept: none, keychain or environment; a password itself is never kept in a job</source>
        <translation>„password“ einer SQL-Verbindung sagt, wo das Passwort liegt: none, keychain oder environment; ein Passwort selbst wird nie in einem Auftrag gespeichert</translation>
    </message>
    <message>
        <source>%1 %2 URLs</source>
        <translation>%1 %2 URLs</translation>
    </message>
    <message>
        <source>an sql connection&apos;s database must not contain a password (PWD=); keep it in the keychain or in an environment variable</source>
        <translation>die Datenbank einer SQL-Verbindung darf kein Passwort enthalten (PWD=); bewahren Sie es im Schlüsselbund oder in einer Umgebungsvariable auf</translation>
    </message>
    <message>
        <source>HTTP header names and values must be one line without CR, LF or NUL</source>
        <translation>Namen und Werte von HTTP-Kopfzeilen müssen einzeilig sein, ohne CR, LF oder NUL</translation>
    </message>
    <message>
        <source>output_cap_bytes must be a whole number of bytes from 0 to 1 GiB</source>
        <translation>output_cap_bytes muss eine ganze Zahl von Bytes zwischen 0 und 1 GiB sein</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>punctualctl is neither next to this program nor on PATH</source>
        <translation>punctualctl liegt weder neben diesem Programm noch im PATH</translation>
    </message>
</context>
<context>
    <name>CalendarTrigger</name>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>calendar trigger: &quot;%1&quot; is missing (expected %2)</source>
        <translation>Kalender-Auslöser: „%1“ fehlt (erwartet: %2)</translation>
    </message>
    <message>
        <source>calendar trigger: &quot;%1&quot; must be %2, not %3</source>
        <translation>Kalender-Auslöser: „%1“ muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>calendar: %1 (position %2)</source>
        <translation>Kalender: %1 (Position %2)</translation>
    </message>
    <message>
        <source>Every day at %1</source>
        <translation>Jeden Tag um %1</translation>
    </message>
    <message numerus="yes">
        <source>Every %n days at %1</source>
        <translation>
            <numerusform>Jeden Tag um %1</numerusform>
            <numerusform>Alle %n Tage um %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Every week at %1 on %2</source>
        <translation>Jede Woche am %2 um %1</translation>
    </message>
    <message numerus="yes">
        <source>Every %n weeks at %1 on %2</source>
        <translation>
            <numerusform>Jede Woche am %2 um %1</numerusform>
            <numerusform>Alle %n Wochen am %2 um %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Every month on day %1 at %2</source>
        <translation>Jeden Monat am %1. um %2</translation>
    </message>
    <message numerus="yes">
        <source>Every %n months on day %1 at %2</source>
        <translation>
            <numerusform>Jeden Monat am %1. um %2</numerusform>
            <numerusform>Alle %n Monate am %1. um %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Every year on %1 %2 at %3</source>
        <translation>Jedes Jahr am %1. %2 um %3</translation>
    </message>
    <message numerus="yes">
        <source>Every %n years on %1 %2 at %3</source>
        <translation>
            <numerusform>Jedes Jahr am %1. %2 um %3</numerusform>
            <numerusform>Alle %n Jahre am %1. %2 um %3</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;day&quot;, &quot;week&quot;, &quot;month&quot; or &quot;year&quot;</source>
        <translation>„day“, „week“, „month“ oder „year“</translation>
    </message>
    <message>
        <source>a whole number from 1 to %1</source>
        <translation>eine ganze Zahl von 1 bis %1</translation>
    </message>
    <message>
        <source>an existing date YYYY-MM-DD</source>
        <translation>ein existierendes Datum JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>a time of day HH:MM:SS (00:00:00 to 23:59:59)</source>
        <translation>eine Uhrzeit HH:MM:SS (00:00:00 bis 23:59:59)</translation>
    </message>
    <message>
        <source>an ISO-8601 date and time</source>
        <translation>ein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <source>calendar trigger end: %1</source>
        <translation>Ende des Kalender-Auslösers: %1</translation>
    </message>
    <message>
        <source>the calendar trigger ends before it first fires</source>
        <translation>der Kalender-Auslöser endet, bevor er zum ersten Mal auslöst</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a count from 1 to %2</source>
        <translation>„%1“ ist keine Anzahl von 1 bis %2</translation>
    </message>
    <message>
        <source>a unit is missing (day, week, month, year)</source>
        <translation>eine Einheit fehlt (day, week, month, year)</translation>
    </message>
    <message>
        <source>the schedule is empty (expected e.g. &quot;every 2 weeks at 09:30&quot;)</source>
        <translation>der Zeitplan ist leer (erwartet z. B. „every 2 weeks at 09:30“)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a unit (day, week, month, year)</source>
        <translation>„%1“ ist keine Einheit (day, week, month, year)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot follow &quot;every&quot; or a count (write &quot;%2&quot; instead)</source>
        <translation>„%1“ kann nicht auf „every“ oder eine Anzahl folgen (schreiben Sie stattdessen „%2“)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is unexpected here (expected &quot;at&quot; or &quot;from&quot;)</source>
        <translation>„%1“ ist hier unerwartet (erwartet: „at“ oder „from“)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice</source>
        <translation>„%1“ ist doppelt angegeben</translation>
    </message>
    <message>
        <source>a time is missing after &quot;%1&quot; (HH:MM or HH:MM:SS)</source>
        <translation>nach „%1“ fehlt eine Uhrzeit (HH:MM oder HH:MM:SS)</translation>
    </message>
    <message>
        <source>a date is missing after &quot;%1&quot; (YYYY-MM-DD)</source>
        <translation>nach „%1“ fehlt ein Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time of day (HH:MM or HH:MM:SS, 00:00 to 23:59:59)</source>
        <translation>„%1“ ist keine Uhrzeit (HH:MM oder HH:MM:SS, 00:00 bis 23:59:59)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD)</source>
        <translation>„%1“ ist kein Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is no such date</source>
        <translation>„%1“: dieses Datum gibt es nicht</translation>
    </message>
</context>
<context>
    <name>ControlClient</name>
    <message>
        <source>no Punctual instance answers on %1: %2</source>
        <translation>keine Punctual-Instanz antwortet auf %1: %2</translation>
    </message>
    <message>
        <source>the Punctual instance on %1</source>
        <translation>die Punctual-Instanz auf %1</translation>
    </message>
    <message>
        <source>the Punctual instance at %1</source>
        <translation>die Punctual-Instanz unter %1</translation>
    </message>
    <message>
        <source>%1 belongs to another user</source>
        <translation>%1 gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <source>%1 sent an answer longer than %2 bytes</source>
        <translation>%1 hat eine Antwort mit mehr als %2 Bytes gesendet</translation>
    </message>
    <message>
        <source>%1 closed the connection before it answered</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <source>not connected to a Punctual instance</source>
        <translation>nicht mit einer Punctual-Instanz verbunden</translation>
    </message>
    <message>
        <source>the request is too large for the Punctual instance (more than %1 bytes)</source>
        <translation>die Anfrage ist zu groß für die Punctual-Instanz (mehr als %1 Bytes)</translation>
    </message>
    <message>
        <source>cannot send to %1: %2</source>
        <translation>an %1 kann nicht gesendet werden: %2</translation>
    </message>
    <message>
        <source>%1 sent an answer that is not a JSON object</source>
        <translation>%1 hat eine Antwort gesendet, die kein JSON-Objekt ist</translation>
    </message>
    <message>
        <source>%1 answered another request</source>
        <translation>%1 hat auf eine andere Anfrage geantwortet</translation>
    </message>
</context>
<context>
    <name>ControlProtocol</name>
    <message>
        <source>%1 must be an ISO-8601 time or null</source>
        <translation>%1 muss eine Zeit nach ISO 8601 oder null sein</translation>
    </message>
    <message>
        <source>the Punctual instance reported an error without a message (%1)</source>
        <translation>die Punctual-Instanz hat einen Fehler ohne Meldung gemeldet (%1)</translation>
    </message>
    <message>
        <source>a run needs a numeric id</source>
        <translation>ein Lauf braucht eine numerische ID</translation>
    </message>
    <message>
        <source>unknown run outcome &quot;%1&quot;</source>
        <translation>unbekanntes Laufergebnis „%1“</translation>
    </message>
    <message>
        <source>a retry needs its time</source>
        <translation>eine Wiederholung braucht einen Zeitpunkt</translation>
    </message>
    <message>
        <source>a backfill time that is not one: %1</source>
        <translation>eine Nachhol-Zeit, die keine ist: %1</translation>
    </message>
</context>
<context>
    <name>ControlServer</name>
    <message>
        <source>params.%1 must be a string</source>
        <translation>params.%1 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>params.jobs[%1] must be an object (a job&apos;s JSON)</source>
        <translation>params.jobs[%1] muss ein Objekt sein (das JSON eines Auftrags)</translation>
    </message>
    <message>
        <source>nothing to change: give name, trigger, action or options</source>
        <translation>nichts zu ändern: geben Sie name, trigger, action oder options an</translation>
    </message>
    <message>
        <source>params.%1 must be true or false</source>
        <translation>params.%1 muss true oder false sein</translation>
    </message>
    <message>
        <source>params.%1 must be a number</source>
        <translation>params.%1 muss eine Zahl sein</translation>
    </message>
    <message>
        <source>params.%1 must be a whole number of at least 1</source>
        <translation>params.%1 muss eine ganze Zahl von mindestens 1 sein</translation>
    </message>
    <message>
        <source>params.%1 must be an object (a trigger&apos;s JSON)</source>
        <translation>params.%1 muss ein Objekt sein (das JSON eines Auslösers)</translation>
    </message>
    <message>
        <source>params.%1 must be an object (an action&apos;s JSON)</source>
        <translation>params.%1 muss ein Objekt sein (das JSON einer Aktion)</translation>
    </message>
    <message>
        <source>params.%1 must be an object (job option keys)</source>
        <translation>params.%1 muss ein Objekt sein (Schlüssel von Auftragsoptionen)</translation>
    </message>
    <message>
        <source>params.%1 must be an array of jobs</source>
        <translation>params.%1 muss ein Array von Aufträgen sein</translation>
    </message>
    <message>
        <source>&quot;more&quot; needs a connection to stage the import on</source>
        <translation>„more“ braucht eine Verbindung, auf der der Import bereitgestellt wird</translation>
    </message>
    <message>
        <source>an import may hold at most %1 jobs</source>
        <translation>ein Import darf höchstens %1 Aufträge enthalten</translation>
    </message>
    <message>
        <source>params.%1 must be an array of job ids (strings)</source>
        <translation>params.%1 muss ein Array von Job-IDs (Zeichenketten) sein</translation>
    </message>
    <message>
        <source>subscribing needs a connection to send the events on</source>
        <translation>ein Abonnement braucht eine Verbindung, auf der die Ereignisse gesendet werden</translation>
    </message>
    <message>
        <source>this instance cannot be stopped through the control socket</source>
        <translation>diese Instanz kann nicht über den Steuer-Socket beendet werden</translation>
    </message>
    <message>
        <source>params.history_limit must be at most %1</source>
        <translation>params.history_limit darf höchstens %1 sein</translation>
    </message>
    <message>
        <source>params.at: %1</source>
        <translation>params.at: %1</translation>
    </message>
    <message>
        <source>params.%1 must be an ISO-8601 time with its offset</source>
        <translation>params.%1 muss eine Zeit nach ISO 8601 mit Zeitzonenversatz sein</translation>
    </message>
    <message>
        <source>params.overlap must be skip, queue-one, queue-all, replace or allow</source>
        <translation>params.overlap muss skip, queue-one, queue-all, replace oder allow sein</translation>
    </message>
    <message>
        <source>params.calendar: %1</source>
        <translation>params.calendar: %1</translation>
    </message>
    <message>
        <source>params.%1 must be an object (a calendar&apos;s JSON)</source>
        <translation>params.%1 muss ein Objekt sein (das JSON eines Kalenders)</translation>
    </message>
    <message>
        <source>dismiss_missed takes either params.ids (job ids) or params.all: true</source>
        <translation>dismiss_missed erwartet entweder params.ids (Auftrags-IDs) oder params.all: true</translation>
    </message>
    <message>
        <source>a missed-runs report without a job_id</source>
        <translation>ein Bericht über verpasste Läufe ohne job_id</translation>
    </message>
    <message>
        <source>the missed-runs report of &quot;%1&quot; has a bad time</source>
        <translation>der Bericht über verpasste Läufe von „%1“ enthält eine ungültige Zeit</translation>
    </message>
</context>
<context>
    <name>CronDescription</name>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>the first %1</source>
        <translation>ersten %1</translation>
    </message>
    <message>
        <source>the second %1</source>
        <translation>zweiten %1</translation>
    </message>
    <message>
        <source>the third %1</source>
        <translation>dritten %1</translation>
    </message>
    <message>
        <source>the fourth %1</source>
        <translation>vierten %1</translation>
    </message>
    <message>
        <source>the fifth %1</source>
        <translation>fünften %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>jede Stunde</translation>
    </message>
    <message numerus="yes">
        <source>every %n hours</source>
        <translation>
            <numerusform>jede Stunde</numerusform>
            <numerusform>alle %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>jede Minute</translation>
    </message>
    <message numerus="yes">
        <source>every %n minutes</source>
        <translation>
            <numerusform>jede Minute</numerusform>
            <numerusform>alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>every second</source>
        <translation>jede Sekunde</translation>
    </message>
    <message numerus="yes">
        <source>every %n seconds</source>
        <translation>
            <numerusform>jede Sekunde</numerusform>
            <numerusform>alle %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>second %1</source>
        <translation>Sekunde %1</translation>
    </message>
    <message>
        <source>seconds %1</source>
        <translation>Sekunden %1</translation>
    </message>
    <message>
        <source>minute %1</source>
        <translation>Minute %1</translation>
    </message>
    <message>
        <source>minutes %1</source>
        <translation>Minuten %1</translation>
    </message>
    <message>
        <source>hour %1</source>
        <translation>Stunde %1</translation>
    </message>
    <message>
        <source>hours %1</source>
        <translation>Stunden %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>um %1</translation>
    </message>
    <message>
        <source>%1 during %2</source>
        <translation>%1 während %2</translation>
    </message>
    <message>
        <source>%1 past %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%1 von %2 bis %3</translation>
    </message>
    <message>
        <source>days %1 of the month</source>
        <translation>an den Tagen %1 des Monats</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>days %1</source>
        <translation>Tage %1</translation>
    </message>
    <message>
        <source>the last day</source>
        <translation>letzten Tag</translation>
    </message>
    <message>
        <source>the day before the last day</source>
        <translation>vorletzten Tag</translation>
    </message>
    <message numerus="yes">
        <source>%n days before the last day</source>
        <translation>
            <numerusform>%n Tag vor dem letzten Tag</numerusform>
            <numerusform>%n Tage vor dem letzten Tag</numerusform>
        </translation>
    </message>
    <message>
        <source>the weekday nearest day %1</source>
        <translation>Werktag, der dem %1. am nächsten liegt</translation>
    </message>
    <message>
        <source>the last weekday</source>
        <translation>letzten Werktag</translation>
    </message>
    <message>
        <source>%1 of the month</source>
        <translation>%1 des Monats</translation>
    </message>
    <message>
        <source>the last %1</source>
        <translation>letzten %1</translation>
    </message>
    <message>
        <source>on %1 or on %2</source>
        <translation>am %1 oder am %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>on %1 if it is %2</source>
        <translation>am %1, sofern %2</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>von %1 bis %2</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>im %1</translation>
    </message>
    <message>
        <source>on %1 %2</source>
        <comment>day of the month and month name, e.g. on 1 January</comment>
        <translation>am %1. %2</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>time of day (%1, e.g. &apos;at 02:30&apos;) followed by the days (%2, e.g. &apos;every day&apos;)</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>time and days (%1) followed by the months (%2, e.g. &apos;in January&apos;)</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>CronExpression</name>
    <message>
        <source>cron expression: %1 (position %2)</source>
        <translation>Cron-Ausdruck: %1 (Position %2)</translation>
    </message>
    <message>
        <source>field &quot;%1&quot;: %2 (position %3)</source>
        <translation>Feld „%1“: %2 (Position %3)</translation>
    </message>
    <message>
        <source>the expression is empty</source>
        <translation>der Ausdruck ist leer</translation>
    </message>
    <message>
        <source>unknown macro &quot;%1&quot; (known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)</source>
        <translation>unbekanntes Makro „%1“ (bekannt: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)</translation>
    </message>
    <message>
        <source>expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with seconds first), found %1</source>
        <translation>erwartet werden 5 Felder (Minute Stunde Monatstag Monat Wochentag) oder 6 (mit Sekunden vorn), gefunden: %1</translation>
    </message>
    <message>
        <source>&quot;?&quot; is only allowed in the day-of-month and day-of-week fields</source>
        <translation>„?“ ist nur in den Feldern Monatstag und Wochentag erlaubt</translation>
    </message>
    <message>
        <source>empty list element</source>
        <translation>leeres Listenelement</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a step (expected a number after &quot;/&quot;)</source>
        <translation>„%1“ ist keine Schrittweite (erwartet: eine Zahl nach „/“)</translation>
    </message>
    <message>
        <source>the step must be at least 1</source>
        <translation>die Schrittweite muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>a value is missing before &quot;/&quot;</source>
        <translation>vor „/“ fehlt ein Wert</translation>
    </message>
    <message>
        <source>the range %1 is backwards (%2 is after %3)</source>
        <translation>der Bereich %1 ist verkehrt herum (%2 liegt nach %3)</translation>
    </message>
    <message>
        <source>%1 is out of range %2-%3</source>
        <translation>%1 liegt außerhalb von %2–%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a month (1-12 or JAN-DEC)</source>
        <translation>„%1“ ist kein Monat (1–12 oder JAN–DEC)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday (0-7 or SUN-SAT)</source>
        <translation>„%1“ ist kein Wochentag (0–7 oder SUN–SAT)</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>ein Wert fehlt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: L-N needs N from 0 to 30</source>
        <translation>„%1“: L-N braucht N von 0 bis 30</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: NW needs a day N from 1 to 31</source>
        <translation>„%1“: NW braucht einen Tag N von 1 bis 31</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not valid here (day-of-month takes N, L, L-N, NW or LW)</source>
        <translation>„%1“ ist hier ungültig (Monatstag erlaubt N, L, L-N, NW oder LW)</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: D#K needs K from 1 to 5</source>
        <translation>„%1“: D#K braucht K von 1 bis 5</translation>
    </message>
    <message>
        <source>&quot;L&quot; needs a weekday before it here, e.g. 5L</source>
        <translation>„L“ braucht hier einen Wochentag davor, z. B. 5L</translation>
    </message>
</context>
<context>
    <name>CronTrigger</name>
    <message>
        <source>cron trigger %1: %2</source>
        <translation>Cron-Auslöser %1: %2</translation>
    </message>
    <message>
        <source>the cron trigger ends before it starts</source>
        <translation>der Cron-Auslöser endet, bevor er beginnt</translation>
    </message>
    <message>
        <source>, DST: skip</source>
        <translation>, Zeitumstellung: überspringen</translation>
    </message>
    <message>
        <source>, DST: both passes</source>
        <translation>, Zeitumstellung: beide Durchläufe</translation>
    </message>
    <message>
        <source>cron trigger dst: &quot;%1&quot; is not cron, skip or both</source>
        <translation>Cron-Auslöser dst: „%1“ ist nicht cron, skip oder both</translation>
    </message>
</context>
<context>
    <name>CrontabImport</name>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>CRON_TZ: &quot;%1&quot; is not a known time zone</source>
        <translation>CRON_TZ: „%1“ ist keine bekannte Zeitzone</translation>
    </message>
    <message>
        <source>its time zone is unknown (CRON_TZ on line %1)</source>
        <translation>seine Zeitzone ist unbekannt (CRON_TZ in Zeile %1)</translation>
    </message>
    <message>
        <source>%1 is ignored: Punctual sends no mail; a job&apos;s output is kept in its run history</source>
        <translation>%1 wird ignoriert: Punctual verschickt keine E-Mails; die Ausgabe eines Auftrags steht in seinem Verlauf</translation>
    </message>
    <message>
        <source>expected 5 time fields and a command</source>
        <translation>erwartet werden 5 Zeitfelder und ein Befehl</translation>
    </message>
    <message>
        <source>no command after the schedule &quot;%1&quot;</source>
        <translation>nach dem Zeitplan „%1“ fehlt ein Befehl</translation>
    </message>
    <message>
        <source>not imported: %1</source>
        <translation>nicht importiert: %1</translation>
    </message>
    <message>
        <source>the command has an unescaped &quot;%&quot; (column %1), which cron turns into standard input; command jobs have none (write \% for a literal %)</source>
        <translation>der Befehl enthält ein nicht maskiertes „%“ (Spalte %1), das cron in Standardeingabe umwandelt; Befehlsaufträge haben keine (schreiben Sie \% für ein wörtliches %)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; never fires (no such date within %2 years)</source>
        <translation>„%1“ löst nie aus (kein solches Datum innerhalb von %2 Jahren)</translation>
    </message>
    <message>
        <source>RANDOM_DELAY must be a whole number of minutes from 0 to 1440, not &quot;%1&quot;</source>
        <translation>RANDOM_DELAY muss eine ganze Zahl von Minuten zwischen 0 und 1440 sein, nicht „%1“</translation>
    </message>
</context>
<context>
    <name>DateTrigger</name>
    <message>
        <source>Once at %1</source>
        <translation>Einmalig am %1</translation>
    </message>
    <message>
        <source>a date trigger needs a &quot;run_date&quot;</source>
        <translation>ein Datums-Auslöser braucht ein „run_date“</translation>
    </message>
</context>
<context>
    <name>DeleteWording</name>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>the last two of a list of names</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Delete the job “%1” and its run history?</source>
        <translation>Den Auftrag „%1“ samt Laufverlauf löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs and their run history?</source>
        <translation>
            <numerusform>%n Auftrag samt Laufverlauf löschen?</numerusform>
            <numerusform>%n Aufträge samt Laufverlauf löschen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are running or waiting to retry and will be stopped.</source>
        <translation>
            <numerusform>%n davon läuft oder wartet auf eine Wiederholung und wird beendet.</numerusform>
            <numerusform>%n davon laufen oder warten auf eine Wiederholung und werden beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this for 10 minutes (Edit › Undo delete).</source>
        <translation>Sie können das 10 Minuten lang rückgängig machen (Bearbeiten › Löschen rückgängig machen).</translation>
    </message>
    <message>
        <source>Stop and delete</source>
        <translation>Beenden und löschen</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs</source>
        <translation>
            <numerusform>%n Auftrag löschen</numerusform>
            <numerusform>%n Aufträge löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>„%1“ gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n jobs</source>
        <translation>
            <numerusform>%n Auftrag gelöscht</numerusform>
            <numerusform>%n Aufträge gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Undo (%2)</source>
        <translation>%1 · Rückgängig (%2)</translation>
    </message>
    <message>
        <source>Restored “%1”</source>
        <translation>„%1“ wiederhergestellt</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n jobs</source>
        <translation>
            <numerusform>%n Auftrag wiederhergestellt</numerusform>
            <numerusform>%n Aufträge wiederhergestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is waiting to retry a failed run. Stop it and delete the job?</source>
        <translation>„%1“ wartet darauf, einen fehlgeschlagenen Lauf zu wiederholen. Beenden und den Auftrag löschen?</translation>
    </message>
    <message>
        <source>“%1” is running. Stop it and delete the job?</source>
        <translation>„%1“ läuft. Beenden und den Auftrag löschen?</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <source>&quot;%1&quot; is not a duration (expected e.g. 90s, 15m, 1h30m, 2d, 1w or PT15M)</source>
        <translation>„%1“ ist keine Dauer (erwartet z. B. 90s, 15m, 1h30m, 2d, 1w oder PT15M)</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the duration must be longer than zero</source>
        <translation>„%1“: die Dauer muss größer als null sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of seconds or &quot;none&quot;</source>
        <translation>„%1“ ist keine Anzahl Sekunden und nicht „none“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of seconds</source>
        <translation>„%1“ ist keine Anzahl Sekunden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too long a duration (at most 100 years)</source>
        <translation>„%1“ ist eine zu lange Dauer (höchstens 100 Jahre)</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the duration must be at least 1 ms</source>
        <translation>„%1“: die Dauer muss mindestens 1 ms betragen</translation>
    </message>
    <message>
        <source>%1 must be a number of seconds (0 or more)</source>
        <translation>%1 muss eine Anzahl Sekunden sein (0 oder mehr)</translation>
    </message>
    <message>
        <source>%1 must be a positive number of seconds</source>
        <translation>%1 muss eine positive Anzahl Sekunden sein</translation>
    </message>
    <message>
        <source>%1 must be at most 100 years</source>
        <translation>%1 darf höchstens 100 Jahre betragen</translation>
    </message>
    <message>
        <source>%1 must be at least 1 ms (0.001 s)</source>
        <translation>%1 muss mindestens 1 ms (0,001 s) betragen</translation>
    </message>
</context>
<context>
    <name>EventTrigger</name>
    <message>
        <source>Only on events</source>
        <translation>Nur bei Ereignissen</translation>
    </message>
</context>
<context>
    <name>ExclusionCalendar</name>
    <message>
        <source>calendar &quot;%1&quot;: unknown version %2</source>
        <translation>Kalender „%1“: unbekannte Version %2</translation>
    </message>
    <message>
        <source>calendar &quot;%1&quot;: %2</source>
        <translation>Kalender „%1“: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD, years 1 to 9999)</source>
        <translation>„%1“ ist kein Datum (JJJJ-MM-TT, Jahre 1 bis 9999)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a range of dates (FIRST..LAST)</source>
        <translation>„%1“ ist kein Datumsbereich (ERSTER..LETZTER)</translation>
    </message>
    <message>
        <source>the range &quot;%1&quot; ends before it begins</source>
        <translation>der Bereich „%1“ endet, bevor er beginnt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday (sun, mon, tue, wed, thu, fri, sat or 0-7)</source>
        <translation>„%1“ ist kein Wochentag (sun, mon, tue, wed, thu, fri, sat oder 0-7)</translation>
    </message>
    <message>
        <source>a calendar name must not be blank</source>
        <translation>ein Kalendername darf nicht leer sein</translation>
    </message>
    <message>
        <source>the calendar name &quot;%1…&quot; is longer than 200 characters</source>
        <translation>der Kalendername „%1…“ ist länger als 200 Zeichen</translation>
    </message>
    <message>
        <source>the calendar name &quot;%1&quot; has a control character</source>
        <translation>der Kalendername „%1“ enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>excluded by calendar &quot;%1&quot; (%2)</source>
        <translation>ausgeschlossen durch Kalender „%1“ (%2)</translation>
    </message>
    <message>
        <source>%1: event &quot;%2&quot;: %3</source>
        <translation>%1: Termin „%2“: %3</translation>
    </message>
    <message>
        <source>%1: event &quot;%2&quot; has no DTSTART</source>
        <translation>%1: Termin „%2“ hat kein DTSTART</translation>
    </message>
    <message>
        <source>%1: event &quot;%2&quot; has an RRULE libical cannot expand</source>
        <translation>%1: Termin „%2“ hat eine RRULE, die libical nicht auflösen kann</translation>
    </message>
    <message>
        <source>%1: not an iCalendar file (no BEGIN:VCALENDAR)</source>
        <translation>%1: keine iCalendar-Datei (kein BEGIN:VCALENDAR)</translation>
    </message>
    <message>
        <source>%1: not an iCalendar file (libical could not parse it)</source>
        <translation>%1: keine iCalendar-Datei (libical konnte sie nicht lesen)</translation>
    </message>
    <message>
        <source>%1: not an iCalendar file (no VCALENDAR)</source>
        <translation>%1: keine iCalendar-Datei (kein VCALENDAR)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no events (VEVENT) in it</source>
        <translation>%1: enthält keine Termine (VEVENT)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>HostStarter</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot start the Punctual scheduler: punctualctl is neither next to this program nor on PATH</source>
        <translation>der Punctual-Planer kann nicht gestartet werden: punctualctl liegt weder neben diesem Programm noch im PATH</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The Punctual scheduler is running</source>
        <translation>Der Punctual-Planer läuft</translation>
    </message>
    <message>
        <source>Started the Punctual scheduler (systemd user unit)</source>
        <translation>Punctual-Planer gestartet (systemd-Benutzerdienst)</translation>
    </message>
    <message>
        <source>Started the Punctual scheduler (background process)</source>
        <translation>Punctual-Planer gestartet (Hintergrundprozess)</translation>
    </message>
    <message>
        <source> (it wrote nothing to %1)</source>
        <translation> (er hat nichts in %1 geschrieben)</translation>
    </message>
    <message>
        <source> (see journalctl --user -u punctual.service)</source>
        <translation> (siehe journalctl --user -u punctual.service)</translation>
    </message>
    <message>
        <source>the Punctual scheduler ended before it answered</source>
        <translation>der Punctual-Planer wurde beendet, bevor er antwortete</translation>
    </message>
    <message>
        <source>the Punctual scheduler did not answer within %1 s</source>
        <translation>der Punctual-Planer hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
</context>
<context>
    <name>InstanceHost</name>
    <message>
        <source>the job store file %1 was replaced by another file</source>
        <translation>die Auftragsspeicher-Datei %1 wurde durch eine andere Datei ersetzt</translation>
    </message>
    <message>
        <source>the job store file %1 was removed or renamed</source>
        <translation>die Auftragsspeicher-Datei %1 wurde entfernt oder umbenannt</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>Punctual is already running on %1 (pid %2)</source>
        <translation>Punctual läuft bereits auf %1 (PID %2)</translation>
    </message>
    <message>
        <source>Punctual is already running on %1</source>
        <translation>Punctual läuft bereits auf %1</translation>
    </message>
    <message>
        <source>cannot take the lock file %1 (for the instance on %2)</source>
        <translation>die Sperrdatei %1 kann nicht belegt werden (für die Instanz auf %2)</translation>
    </message>
    <message>
        <source>the instance socket %1 for %2 belongs to another user</source>
        <translation>der Instanz-Socket %1 für %2 gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <source>cannot remove the stale instance socket %1 for %2</source>
        <translation>der verwaiste Instanz-Socket %1 für %2 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot listen on the instance socket %1 for %2: %3</source>
        <translation>am Instanz-Socket %1 für %2 kann nicht gelauscht werden: %3</translation>
    </message>
    <message>
        <source>no private folder for the instance socket: set XDG_RUNTIME_DIR to a folder that is yours alone (mode 0700), or make ~/.local/state/punctual/run so</source>
        <translation>kein privater Ordner für den Instanz-Socket: setzen Sie XDG_RUNTIME_DIR auf einen Ordner, der nur Ihnen gehört (Modus 0700), oder machen Sie ~/.local/state/punctual/run dazu</translation>
    </message>
</context>
<context>
    <name>IntervalTrigger</name>
    <message>
        <source>Every week</source>
        <translation>Jede Woche</translation>
    </message>
    <message numerus="yes">
        <source>Every %n weeks</source>
        <translation>
            <numerusform>Jede Woche</numerusform>
            <numerusform>Alle %n Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message numerus="yes">
        <source>Every %n days</source>
        <translation>
            <numerusform>Jeden Tag</numerusform>
            <numerusform>Alle %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Jede Stunde</translation>
    </message>
    <message numerus="yes">
        <source>Every %n hours</source>
        <translation>
            <numerusform>Jede Stunde</numerusform>
            <numerusform>Alle %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Jede Minute</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Jede Minute</numerusform>
            <numerusform>Alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Every second</source>
        <translation>Jede Sekunde</translation>
    </message>
    <message numerus="yes">
        <source>Every %n seconds</source>
        <translation>
            <numerusform>Jede Sekunde</numerusform>
            <numerusform>Alle %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>d</source>
        <translation>T</translation>
    </message>
    <message>
        <source>h</source>
        <translation>Std.</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>Alle %1</translation>
    </message>
    <message>
        <source>an interval trigger needs a positive &quot;interval_seconds&quot;</source>
        <translation>ein Intervall-Auslöser braucht ein positives „interval_seconds“</translation>
    </message>
    <message>
        <source>interval trigger start: %1</source>
        <translation>Beginn des Intervall-Auslösers: %1</translation>
    </message>
    <message>
        <source>interval trigger end: %1</source>
        <translation>Ende des Intervall-Auslösers: %1</translation>
    </message>
    <message>
        <source>the interval trigger ends before it starts</source>
        <translation>der Intervall-Auslöser endet, bevor er beginnt</translation>
    </message>
</context>
<context>
    <name>IsoText</name>
    <message>
        <source>&quot;%1&quot; is not an ISO-8601 date and time (expected e.g. 2026-03-08T02:30:00-05:00)</source>
        <translation>„%1“ ist kein Datum mit Uhrzeit nach ISO 8601 (erwartet z. B. 2026-03-08T02:30:00-05:00)</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is no such date</source>
        <translation>„%1“: dieses Datum gibt es nicht</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: there is no such time of day</source>
        <translation>„%1“: diese Uhrzeit gibt es nicht</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the UTC offset is out of range</source>
        <translation>„%1“: der UTC-Versatz liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: dates must lie between the years 1 and 9999 in every time zone</source>
        <translation>„%1“: Daten müssen in jeder Zeitzone zwischen den Jahren 1 und 9999 liegen</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>max_instances must be a whole number from 1 to 1000</source>
        <translation>max_instances muss eine ganze Zahl von 1 bis 1000 sein</translation>
    </message>
    <message>
        <source>max_retries must be a whole number from 0 to 100</source>
        <translation>max_retries muss eine ganze Zahl von 0 bis 100 sein</translation>
    </message>
    <message>
        <source>retry_backoff must be a number from 1 (the same wait each time) to %1</source>
        <translation>retry_backoff muss eine Zahl von 1 (jedes Mal gleich lange warten) bis %1 sein</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: %2</source>
        <translation>Auftrag „%1“: %2</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: next_run_time: %2</source>
        <translation>Auftrag „%1“: next_run_time: %2</translation>
    </message>
    <message>
        <source>a job id must not be empty</source>
        <translation>eine Auftrags-ID darf nicht leer sein</translation>
    </message>
    <message>
        <source>a job id must be at most 200 characters long</source>
        <translation>eine Auftrags-ID darf höchstens 200 Zeichen lang sein</translation>
    </message>
    <message>
        <source>a job id must not contain control characters</source>
        <translation>eine Auftrags-ID darf keine Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>%1 must be a number of seconds or null</source>
        <translation>%1 muss eine Anzahl Sekunden oder null sein</translation>
    </message>
    <message>
        <source>%1 must be a number of seconds</source>
        <translation>%1 muss eine Anzahl Sekunden sein</translation>
    </message>
    <message>
        <source>a job id must not be blank</source>
        <translation>eine Auftrags-ID darf nicht leer sein</translation>
    </message>
    <message>
        <source>a job name must be one line, without control characters</source>
        <translation>ein Auftragsname muss einzeilig sein, ohne Steuerzeichen</translation>
    </message>
    <message>
        <source>a job name must be at most 1000 characters long</source>
        <translation>ein Auftragsname darf höchstens 1000 Zeichen lang sein</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; has no trigger</source>
        <translation>Auftrag „%1“ hat keinen Auslöser</translation>
    </message>
    <message>
        <source>a job name must not begin with U+FEFF (a byte order mark)</source>
        <translation>ein Auftragsname darf nicht mit U+FEFF (einer Byte-Order-Markierung) beginnen</translation>
    </message>
    <message>
        <source>chains must be an object with on_success, on_failure and on_finish lists</source>
        <translation>chains muss ein Objekt mit den Listen on_success, on_failure und on_finish sein</translation>
    </message>
    <message>
        <source>chains: unknown key &quot;%1&quot; (on_success, on_failure or on_finish)</source>
        <translation>chains: unbekannter Schlüssel „%1“ (on_success, on_failure oder on_finish)</translation>
    </message>
    <message>
        <source>chains: %1</source>
        <translation>chains: %1</translation>
    </message>
    <message>
        <source>chains: %1: %2</source>
        <translation>chains: %1: %2</translation>
    </message>
    <message>
        <source>overlap must be skip, queue-one, queue-all, replace or allow</source>
        <translation>overlap muss skip, queue-one, queue-all, replace oder allow sein</translation>
    </message>
    <message>
        <source>queue_limit must be a whole number from 1 to 10000</source>
        <translation>queue_limit muss eine ganze Zahl von 1 bis 10000 sein</translation>
    </message>
    <message>
        <source>pause_after_failures must be a whole number from 1 to 1000 or null</source>
        <translation>pause_after_failures muss eine ganze Zahl von 1 bis 1000 oder null sein</translation>
    </message>
    <message>
        <source>a pause note must be one line of at most 1000 characters, without control characters</source>
        <translation>eine Pausennotiz muss eine Zeile mit höchstens 1000 Zeichen ohne Steuerzeichen sein</translation>
    </message>
    <message>
        <source>exclude: %1</source>
        <translation>exclude: %1</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; has no schedule and no event to run on</source>
        <translation>Auftrag „%1“ hat weder einen Zeitplan noch ein Ereignis, bei dem er läuft</translation>
    </message>
    <message>
        <source>requires must be a list of conditions</source>
        <translation>requires muss eine Liste von Bedingungen sein</translation>
    </message>
    <message>
        <source>requires: %1</source>
        <translation>requires: %1</translation>
    </message>
</context>
<context>
    <name>JobEvents</name>
    <message>
        <source>events must be an object with at_start, after_resume and network_up</source>
        <translation>events muss ein Objekt mit at_start, after_resume und network_up sein</translation>
    </message>
    <message>
        <source>events: unknown key &quot;%1&quot; (at_start, after_resume or network_up)</source>
        <translation>events: unbekannter Schlüssel „%1“ (at_start, after_resume oder network_up)</translation>
    </message>
    <message>
        <source>events: %1 must be true or false</source>
        <translation>events: %1 muss true oder false sein</translation>
    </message>
    <message>
        <source>events: after_resume must be a number of seconds (0: no delay)</source>
        <translation>events: after_resume muss eine Anzahl Sekunden sein (0: ohne Verzögerung)</translation>
    </message>
    <message>
        <source>at start</source>
        <translation>beim Start</translation>
    </message>
    <message>
        <source>after wake-up (%1 later)</source>
        <translation>nach dem Aufwachen (%1 später)</translation>
    </message>
    <message>
        <source>after wake-up</source>
        <translation>nach dem Aufwachen</translation>
    </message>
    <message>
        <source>when the network comes up</source>
        <translation>wenn das Netzwerk verfügbar wird</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1; also %2</source>
        <translation>%1; außerdem %2</translation>
    </message>
</context>
<context>
    <name>JobFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>not a job file: %1 at %2</source>
        <translation>keine Auftragsdatei: %1 bei %2</translation>
    </message>
    <message>
        <source>not a job file: expected a JSON array of jobs or an object with a &quot;jobs&quot; array</source>
        <translation>keine Auftragsdatei: erwartet wird ein JSON-Array von Aufträgen oder ein Objekt mit einem Array „jobs“</translation>
    </message>
    <message>
        <source>not a job object</source>
        <translation>kein Auftragsobjekt</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; is used by jobs[%2] already</source>
        <translation>die ID „%1“ wird bereits von jobs[%2] verwendet</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiterer</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job id(s) already exist: %1</source>
        <translation>
            <numerusform>%n Auftrags-ID existiert bereits: %1</numerusform>
            <numerusform>%n Auftrags-IDs existieren bereits: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: unknown key &quot;%2&quot;</source>
        <translation>Auftrag „%1“: unbekannter Schlüssel „%2“</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: %2</source>
        <translation>Auftrag „%1“: %2</translation>
    </message>
</context>
<context>
    <name>JobStatistics</name>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No run has ended yet; going now: %1</source>
        <translation>Noch kein Lauf beendet; laufen gerade: %1</translation>
    </message>
    <message>
        <source>No run has ended yet</source>
        <translation>Noch kein Lauf beendet</translation>
    </message>
    <message>
        <source>Last run: %1 succeeded</source>
        <translation>Letzter Lauf: %1 erfolgreich</translation>
    </message>
    <message numerus="yes">
        <source>Last %n runs: %1 succeeded</source>
        <translation>
            <numerusform>Letzter Lauf: %1 erfolgreich</numerusform>
            <numerusform>Letzte %n Läufe: %1 erfolgreich</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, median %2, p95 %3</source>
        <comment>success rate, then durations</comment>
        <translation>%1, Median %2, p95 %3</translation>
    </message>
    <message>
        <source>No run has ended yet.</source>
        <translation>Noch kein Lauf ist beendet.</translation>
    </message>
    <message>
        <source>%1 of 1 run that ended succeeded (%2).</source>
        <translation>%1 von 1 beendeten Lauf war erfolgreich (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n runs that ended succeeded (%2).</source>
        <translation>
            <numerusform>%1 von %n beendeten Lauf war erfolgreich (%2).</numerusform>
            <numerusform>%1 von %n beendeten Läufen waren erfolgreich (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1, timed out: %2, interrupted: %3.</source>
        <translation>Fehlgeschlagen: %1, Zeit überschritten: %2, unterbrochen: %3.</translation>
    </message>
    <message>
        <source>Median duration %1; 95 % of runs took at most %2.</source>
        <translation>Mediane Dauer %1; 95 % der Läufe dauerten höchstens %2.</translation>
    </message>
    <message>
        <source>Not run (missed, skipped or excluded): %1.</source>
        <translation>Nicht gelaufen (verpasst, übersprungen oder ausgeschlossen): %1.</translation>
    </message>
    <message>
        <source>Going or waiting now: %1.</source>
        <translation>Laufen oder warten gerade: %1.</translation>
    </message>
</context>
<context>
    <name>JobStore</name>
    <message>
        <source>the scheduler stopped while this run was going (shut down or crashed)</source>
        <translation>der Planer wurde während dieses Laufs beendet (heruntergefahren oder abgestürzt)</translation>
    </message>
    <message>
        <source>no job with id &quot;%1&quot;</source>
        <translation>kein Auftrag mit der ID „%1“</translation>
    </message>
    <message>
        <source>a job with id &quot;%1&quot; already exists</source>
        <translation>ein Auftrag mit der ID „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>no run %1 of job &quot;%2&quot;</source>
        <translation>kein Lauf %1 des Auftrags „%2“</translation>
    </message>
    <message>
        <source>store is damaged: %1 (%2)</source>
        <translation>der Auftragsspeicher ist beschädigt: %1 (%2)</translation>
    </message>
    <message>
        <source>the scheduler stopped while this run waited in the queue</source>
        <translation>der Scheduler wurde beendet, während dieser Lauf in der Warteschlange wartete</translation>
    </message>
    <message>
        <source>no calendar named &quot;%1&quot;</source>
        <translation>kein Kalender namens „%1“</translation>
    </message>
    <message>
        <source>a calendar named &quot;%1&quot; already exists</source>
        <translation>ein Kalender namens „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>the scheduler stopped while this run waited for its conditions</source>
        <translation>der Planer wurde beendet, während dieser Lauf auf seine Bedingungen wartete</translation>
    </message>
</context>
<context>
    <name>JsonFields</name>
    <message>
        <source>&quot;%1&quot; must be %2, not %3</source>
        <translation>„%1“ muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>ein Objekt mit Zeichenketten als Werten</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
</context>
<context>
    <name>MemoryJobStore</name>
    <message>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>MissedRunsReview</name>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep or Punctual was not running</source>
        <translation>
            <numerusform>%n Lauf wurde verpasst, während der Computer im Ruhezustand war oder Punctual nicht lief</numerusform>
            <numerusform>%n Läufe wurden verpasst, während der Computer im Ruhezustand war oder Punctual nicht lief</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep</source>
        <translation>
            <numerusform>%n Lauf wurde verpasst, während der Computer im Ruhezustand war</numerusform>
            <numerusform>%n Läufe wurden verpasst, während der Computer im Ruhezustand war</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while Punctual was not running</source>
        <translation>
            <numerusform>%n Lauf wurde verpasst, während Punctual nicht lief</numerusform>
            <numerusform>%n Läufe wurden verpasst, während Punctual nicht lief</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n jobs)</source>
        <translation>
            <numerusform>%1 (%n Auftrag)</numerusform>
            <numerusform>%1 (%n Aufträge)</numerusform>
        </translation>
    </message>
    <message>
        <source>Missed while the computer was asleep, from %1 to %2.</source>
        <translation>Verpasst, während der Computer im Ruhezustand war, von %1 bis %2.</translation>
    </message>
    <message>
        <source>Missed while Punctual was not running, from %1 to %2.</source>
        <translation>Verpasst, während Punctual nicht lief, von %1 bis %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Fällig %1</translation>
    </message>
    <message numerus="yes">
        <source>Due %1 and at least %n more</source>
        <translation>
            <numerusform>Fällig %1 und mindestens %n weiterer</numerusform>
            <numerusform>Fällig %1 und mindestens %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due %1 and %n more</source>
        <translation>
            <numerusform>Fällig %1 und %n weiterer</numerusform>
            <numerusform>Fällig %1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more …</source>
        <translation>
            <numerusform>… %n weiterer …</numerusform>
            <numerusform>… %n weitere …</numerusform>
        </translation>
    </message>
    <message>
        <source>Ran once at %1 instead (only once: coalesce)</source>
        <translation>Stattdessen einmal um %1 gelaufen (nur einmal: zusammenfassen)</translation>
    </message>
    <message numerus="yes">
        <source>%n ran late, from %1</source>
        <translation>
            <numerusform>%n lief verspätet, um %1</numerusform>
            <numerusform>%n liefen verspätet, ab %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folded into one run time (coalesce)</source>
        <translation>
            <numerusform>%n in einen Lauf zusammengefasst (zusammenfassen)</numerusform>
            <numerusform>%n in einen Lauf zusammengefasst (zusammenfassen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run: more than %1 late (misfire grace time)</source>
        <translation>
            <numerusform>%n nicht ausgeführt: mehr als %1 zu spät (Kulanzzeit)</numerusform>
            <numerusform>%n nicht ausgeführt: mehr als %1 zu spät (Kulanzzeit)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run: older than the latest %1 run times a catch-up considers</source>
        <translation>
            <numerusform>%n nicht ausgeführt: älter als die letzten %1 Ausführungszeiten, die ein Nachholen berücksichtigt</numerusform>
            <numerusform>%n nicht ausgeführt: älter als die letzten %1 Ausführungszeiten, die ein Nachholen berücksichtigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: the job was still running (max instances %1)</source>
        <translation>
            <numerusform>%n übersprungen: der Auftrag lief noch (höchstens %1 Instanzen)</numerusform>
            <numerusform>%n übersprungen: der Auftrag lief noch (höchstens %1 Instanzen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run: on days the job&apos;s calendars exclude</source>
        <translation>
            <numerusform>%n nicht ausgeführt: an einem Tag, den die Kalender des Auftrags ausschließen</numerusform>
            <numerusform>%n nicht ausgeführt: an Tagen, die die Kalender des Auftrags ausschließen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs. Click to review what each job did.</source>
        <translation>
            <numerusform>%n Auftrag. Klicken, um zu sehen, was er getan hat.</numerusform>
            <numerusform>%n Aufträge. Klicken, um zu sehen, was jeder Auftrag getan hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>PasswordProvider</name>
    <message>
        <source>connection &quot;%1&quot;: no environment variable is named for the password</source>
        <translation>Verbindung „%1“: für das Passwort ist keine Umgebungsvariable angegeben</translation>
    </message>
    <message>
        <source>the environment variable %1, which should hold the password of connection &quot;%2&quot;, is not set in the scheduler&apos;s environment</source>
        <translation>die Umgebungsvariable %1, die das Passwort der Verbindung „%2“ enthalten soll, ist in der Umgebung des Planers nicht gesetzt</translation>
    </message>
    <message>
        <source>this program has no keychain support, so the password of connection &quot;%1&quot; cannot be read from it: keep it in an environment variable and name that in the job instead</source>
        <translation>dieses Programm unterstützt keinen Schlüsselbund, daher kann das Passwort der Verbindung „%1“ nicht daraus gelesen werden: bewahren Sie es in einer Umgebungsvariablen auf und nennen Sie diese im Auftrag</translation>
    </message>
</context>
<context>
    <name>RemoteJobControl</name>
    <message>
        <source>the Punctual instance sent a bad answer: %1</source>
        <translation>die Punctual-Instanz hat eine fehlerhafte Antwort gesendet: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not return a job</source>
        <translation>„%1“ hat keinen Auftrag zurückgegeben</translation>
    </message>
    <message>
        <source>no trigger given</source>
        <translation>kein Auslöser angegeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not return a list</source>
        <translation>„%1“ hat keine Liste geliefert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not say how many jobs it removed</source>
        <translation>„%1“ hat nicht gesagt, wie viele Aufträge entfernt wurden</translation>
    </message>
</context>
<context>
    <name>RunCondition</name>
    <message>
        <source>condition &quot;%1&quot;: %2</source>
        <translation>Bedingung „%1“: %2</translation>
    </message>
    <message>
        <source>unknown condition &quot;%1&quot; (use ac-power, network, unmetered or idle:DURATION)</source>
        <translation>unbekannte Bedingung „%1“ (ac-power, network, unmetered oder idle:DAUER verwenden)</translation>
    </message>
    <message>
        <source>AC power</source>
        <translation>Netzstrom</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>an unmetered network</source>
        <translation>ein nicht getaktetes Netzwerk</translation>
    </message>
    <message>
        <source>the computer to be idle for %1</source>
        <translation>%1 Leerlauf des Computers</translation>
    </message>
    <message>
        <source>AC power was lost</source>
        <translation>der Netzstrom ist weggefallen</translation>
    </message>
    <message>
        <source>the network was lost</source>
        <translation>das Netzwerk ist weggefallen</translation>
    </message>
    <message>
        <source>the network is no longer unmetered</source>
        <translation>das Netzwerk ist nicht mehr ungetaktet</translation>
    </message>
    <message>
        <source>the computer is no longer idle</source>
        <translation>der Computer ist nicht mehr im Leerlauf</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>wartet auf %1</translation>
    </message>
</context>
<context>
    <name>RunExplainer</name>
    <message>
        <source>on schedule</source>
        <translation>planmäßig</translation>
    </message>
    <message>
        <source>late, catching up a run time that passed while the scheduler could not run it</source>
        <translation>verspätet, als Nachholung einer Laufzeit, die verstrich, während der Planer sie nicht ausführen konnte</translation>
    </message>
    <message>
        <source>because a user asked to run it now</source>
        <translation>weil ein Benutzer es sofort ausführen ließ</translation>
    </message>
    <message>
        <source>as a retry</source>
        <translation>als Wiederholung</translation>
    </message>
    <message>
        <source>chained after run %1 ended</source>
        <translation>verkettet nach dem Ende von Lauf %1</translation>
    </message>
    <message>
        <source>chained after another run ended</source>
        <translation>verkettet nach dem Ende eines anderen Laufs</translation>
    </message>
    <message>
        <source>as part of a backfill</source>
        <translation>als Teil einer Nachberechnung (Backfill)</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>war erfolgreich</translation>
    </message>
    <message>
        <source>failed (exit code %1)</source>
        <translation>schlug fehl (Exit-Code %1)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>schlug fehl</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>überschritt die Zeitgrenze</translation>
    </message>
    <message>
        <source>was interrupted</source>
        <translation>wurde unterbrochen</translation>
    </message>
    <message>
        <source>%1 is before the job existed: it was created at %2.</source>
        <translation>%1 liegt vor der Entstehung des Auftrags: Er wurde am %2 angelegt.</translation>
    </message>
    <message>
        <source>No run is recorded at %1.</source>
        <translation>Für %1 ist kein Lauf verzeichnet.</translation>
    </message>
    <message>
        <source>%1 is due but has not run yet: the scheduler has not handled the job since its run time %2 (it was not running). It will be handled by the misfire rules when the scheduler runs.</source>
        <translation>%1 ist fällig, wurde aber noch nicht ausgeführt: Der Planer hat den Auftrag seit seiner Laufzeit %2 nicht bearbeitet (er lief nicht). Sobald der Planer läuft, wird er nach den Regeln für versäumte Läufe behandelt.</translation>
    </message>
    <message>
        <source>No run is recorded at %1. The job is paused now%2, and nothing was recorded for it since, so it was most likely paused then; runs missed while paused are not made up. (The history does not record when it was paused.)</source>
        <translation>Für %1 ist kein Lauf verzeichnet. Der Auftrag ist jetzt angehalten%2, und seitdem wurde nichts für ihn verzeichnet, also war er damals höchstwahrscheinlich angehalten; während der Pause versäumte Läufe werden nicht nachgeholt. (Der Verlauf verzeichnet nicht, wann er angehalten wurde.)</translation>
    </message>
    <message>
        <source>%1 is a fire time of the job&apos;s trigger, but no run is recorded for it and no later run covers it. The job may have been paused then, or had another trigger (the history records neither).</source>
        <translation>%1 ist ein Auslösezeitpunkt des Auftrags, aber dafür ist kein Lauf verzeichnet und kein späterer Lauf deckt ihn ab. Der Auftrag war damals vielleicht angehalten oder hatte einen anderen Auslöser (der Verlauf verzeichnet beides nicht).</translation>
    </message>
    <message>
        <source> (&quot;%1&quot;)</source>
        <translation> („%1“)</translation>
    </message>
    <message>
        <source>The run time %1 was missed (run %2): the scheduler could have started it only %3 late, more than the misfire grace time of %4.</source>
        <translation>Die Laufzeit %1 wurde versäumt (Lauf %2): Der Planer hätte sie erst %3 zu spät starten können, mehr als die Kulanzzeit von %4.</translation>
    </message>
    <message>
        <source>The run time %1 was missed (run %2): %3</source>
        <translation>Die Laufzeit %1 wurde versäumt (Lauf %2): %3</translation>
    </message>
    <message numerus="yes">
        <source>This row stands for %n run time(s) missed together.</source>
        <translation>
            <numerusform>Diese Zeile steht für %n zusammen versäumte Laufzeit.</numerusform>
            <numerusform>Diese Zeile steht für %n zusammen versäumte Laufzeiten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run time %1 was skipped (run %2): %3 (overlap policy %4, max instances %5).</source>
        <translation>Die Laufzeit %1 wurde übersprungen (Lauf %2): %3 (Überlappungsregel %4, höchstens %5 Instanzen).</translation>
    </message>
    <message>
        <source>the job&apos;s earlier runs were still going</source>
        <translation>frühere Läufe des Auftrags liefen noch</translation>
    </message>
    <message>
        <source>The run for %1 (run %2) is waiting for the job&apos;s earlier run to end (overlap policy %3).</source>
        <translation>Der Lauf für %1 (Lauf %2) wartet auf das Ende des früheren Laufs des Auftrags (Überlappungsregel %3).</translation>
    </message>
    <message>
        <source>Run %1 for %2 started %3 and was stopped because a newer run of the job replaced it (overlap policy replace).</source>
        <translation>Lauf %1 für %2 startete %3 und wurde beendet, weil ein neuerer Lauf des Auftrags ihn ersetzte (Überlappungsregel replace).</translation>
    </message>
    <message>
        <source>Run %1 for %2 started %3 and is still going.</source>
        <translation>Lauf %1 für %2 startete %3 und läuft noch.</translation>
    </message>
    <message>
        <source>Run %1 for %2 started %3 and %4</source>
        <translation>Lauf %1 für %2 startete %3 und %4</translation>
    </message>
    <message>
        <source> after %1</source>
        <translation> nach %1</translation>
    </message>
    <message>
        <source>That was attempt %1 of the same run time: the earlier attempts failed and were retried (last run %2).</source>
        <translation>Das war Versuch %1 derselben Laufzeit: Die früheren Versuche schlugen fehl und wurden wiederholt (letzter Lauf %2).</translation>
    </message>
    <message>
        <source>Its time was moved from %1 by the trigger&apos;s jitter.</source>
        <translation>Seine Zeit wurde durch die Streuung (Jitter) des Auslösers von %1 verschoben.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 is not a fire time of the job&apos;s trigger (%2): the fire time before it is %3, the one after it %4.</source>
        <translation>%1 ist kein Auslösezeitpunkt des Auftrags (%2): Der Auslösezeitpunkt davor ist %3, der danach %4.</translation>
    </message>
    <message>
        <source>The job will not run at %1: it is paused%2. Resuming it computes the next run time from then.</source>
        <translation>Der Auftrag wird um %1 nicht ausgeführt: Er ist angehalten%2. Beim Fortsetzen wird die nächste Laufzeit ab dann berechnet.</translation>
    </message>
    <message>
        <source>The job will not run at %1: it is finished (it has no next run time).</source>
        <translation>Der Auftrag wird um %1 nicht ausgeführt: Er ist abgeschlossen (er hat keine nächste Laufzeit).</translation>
    </message>
    <message>
        <source>The job will run at %1 (reason scheduled).</source>
        <translation>Der Auftrag wird um %1 ausgeführt (Grund: planmäßig).</translation>
    </message>
    <message>
        <source>That is its next run time.</source>
        <translation>Das ist seine nächste Laufzeit.</translation>
    </message>
    <message>
        <source>Its next run time is %1.</source>
        <translation>Seine nächste Laufzeit ist %1.</translation>
    </message>
    <message>
        <source>%1 is one of %2 run times missed while the scheduler could not run the job (from %3 to %4), recorded together as run %5: %6</source>
        <translation>%1 ist eine von %2 Laufzeiten, die versäumt wurden, während der Planer den Auftrag nicht ausführen konnte (von %3 bis %4), zusammen verzeichnet als Lauf %5: %6</translation>
    </message>
    <message>
        <source>%1 is older than the history kept: the job keeps its newest %2 runs, and the oldest of them is from %3.</source>
        <translation>%1 ist älter als der aufbewahrte Verlauf: Der Auftrag behält seine neuesten %2 Läufe, und der älteste davon ist vom %3.</translation>
    </message>
    <message>
        <source>%1 was coalesced into run %2 (run time %3, %4): when the scheduler came to run the job at %5, several run times were due, and with coalescing on only the latest runs.</source>
        <translation>%1 wurde in Lauf %2 zusammengefasst (Laufzeit %3, %4): Als der Planer den Auftrag um %5 ausführen wollte, waren mehrere Laufzeiten fällig, und bei eingeschaltetem Zusammenfassen läuft nur die neueste.</translation>
    </message>
    <message>
        <source>%1 is a fire time of the job&apos;s trigger on a day its calendar &quot;%2&quot; excludes (%3): the job does not run then.</source>
        <translation>%1 ist ein Auslösezeitpunkt des Auftrags an einem Tag, den sein Kalender „%2“ ausschließt (%3): Der Auftrag läuft dann nicht.</translation>
    </message>
    <message>
        <source>The run time %1 did not run (run %2): %3.</source>
        <translation>Der Laufzeitpunkt %1 lief nicht (Lauf %2): %3.</translation>
    </message>
    <message>
        <source>because the scheduler started</source>
        <translation>weil der Planer gestartet wurde</translation>
    </message>
    <message>
        <source>because the computer woke from sleep</source>
        <translation>weil der Computer aus dem Ruhezustand aufgewacht ist</translation>
    </message>
    <message>
        <source>because the network came up</source>
        <translation>weil das Netzwerk verfügbar wurde</translation>
    </message>
    <message>
        <source>The run for %1 (run %2) is %3 (the job&apos;s conditions).</source>
        <translation>Der Lauf für %1 (Lauf %2) ist %3 (die Bedingungen des Auftrags).</translation>
    </message>
    <message>
        <source>The run time %1 was not run (run %2): %3.</source>
        <translation>Der Laufzeitpunkt %1 wurde nicht ausgeführt (Lauf %2): %3.</translation>
    </message>
</context>
<context>
    <name>RunPresentation</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n day</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Exit %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verpasst</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>outcome: error</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Succeeded in %1</source>
        <translation>Erfolgreich in %1</translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation>%1 (Exit-Code %2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>gestern %1</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>QDate format of a date within half a year: Sat 5 Dec</comment>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>QDate format of a date further away: Sat 5 Dec 2027</comment>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date, then time of day</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>in %1</source>
        <comment>in 12 min</comment>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <comment>12 min ago</comment>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Ausgeschlossen</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>ausgeschlossen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Condition timeout</source>
        <translation>Bedingungs-Zeitüberschreitung</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>condition timeout</source>
        <translation>Bedingungs-Zeitüberschreitung</translation>
    </message>
</context>
<context>
    <name>Scheduler</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>missed by %1 (misfire grace time %2)</source>
        <translation>um %1 verpasst (Kulanzzeit %2)</translation>
    </message>
    <message numerus="yes">
        <source>skipped: %n run(s) of this job still going (max instances)</source>
        <translation>
            <numerusform>übersprungen: %n Lauf dieses Auftrags läuft noch (max. Instanzen)</numerusform>
            <numerusform>übersprungen: %n Läufe dieses Auftrags laufen noch (max. Instanzen)</numerusform>
        </translation>
    </message>
    <message>
        <source>the run time %1 has already passed</source>
        <translation>der Zeitpunkt %1 ist bereits vorbei</translation>
    </message>
    <message>
        <source>the trigger &quot;%1&quot; never fires after now</source>
        <translation>der Auslöser „%1“ löst ab jetzt nie mehr aus</translation>
    </message>
    <message>
        <source>the scheduler stopped before this run began</source>
        <translation>der Planer wurde beendet, bevor dieser Lauf begann</translation>
    </message>
    <message>
        <source>this kind of action cannot be run here</source>
        <translation>diese Art von Aktion kann hier nicht ausgeführt werden</translation>
    </message>
    <message numerus="yes">
        <source>at least %Ln run time(s) from %1 to %2 were missed while the scheduler was not running</source>
        <translation>
            <numerusform>mindestens %Ln Ausführungszeit von %1 bis %2 wurde verpasst, während der Scheduler nicht lief</numerusform>
            <numerusform>mindestens %Ln Ausführungszeiten von %1 bis %2 wurden verpasst, während der Scheduler nicht lief</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln run time(s) from %1 to %2 were missed while the scheduler was not running</source>
        <translation>
            <numerusform>%Ln Ausführungszeit von %1 bis %2 wurde verpasst, während der Scheduler nicht lief</numerusform>
            <numerusform>%Ln Ausführungszeiten von %1 bis %2 wurden verpasst, während der Scheduler nicht lief</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped: the queue is full (%n run(s) waiting, overlap %1)</source>
        <translation>
            <numerusform>übersprungen: die Warteschlange ist voll (%n Lauf wartet, Überlappung %1)</numerusform>
            <numerusform>übersprungen: die Warteschlange ist voll (%n Läufe warten, Überlappung %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>replaced by the run of %1</source>
        <translation>ersetzt durch den Lauf von %1</translation>
    </message>
    <message>
        <source>stopped: the job was removed</source>
        <translation>angehalten: der Auftrag wurde gelöscht</translation>
    </message>
    <message>
        <source>the scheduler stopped while this run waited in the queue</source>
        <translation>der Scheduler wurde beendet, während dieser Lauf in der Warteschlange wartete</translation>
    </message>
    <message>
        <source>not run: still %1 at its deadline</source>
        <translation>nicht ausgeführt: bei Fristende noch %1</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>beendet: %1</translation>
    </message>
    <message>
        <source>the scheduler stopped while this run waited for its conditions</source>
        <translation>der Planer wurde beendet, während dieser Lauf auf seine Bedingungen wartete</translation>
    </message>
</context>
<context>
    <name>SchedulerClient</name>
    <message>
        <source>not connected to the Punctual scheduler</source>
        <translation>nicht mit dem Punctual-Planer verbunden</translation>
    </message>
    <message>
        <source>the Punctual scheduler sent a bad answer: %1</source>
        <translation>der Punctual-Planer hat eine fehlerhafte Antwort gesendet: %1</translation>
    </message>
    <message>
        <source>a list was expected</source>
        <translation>eine Liste wurde erwartet</translation>
    </message>
</context>
<context>
    <name>SqlExecutor</name>
    <message>
        <source>SQLite database %1</source>
        <translation>SQLite-Datenbank %1</translation>
    </message>
    <message>
        <source>%1 database &quot;%2&quot; on %3</source>
        <translation>%1-Datenbank „%2“ auf %3</translation>
    </message>
    <message>
        <source>unknown database error</source>
        <translation>unbekannter Datenbankfehler</translation>
    </message>
    <message>
        <source>the database driver %1 is not installed (installed: %2)</source>
        <translation>der Datenbanktreiber %1 ist nicht installiert (installiert: %2)</translation>
    </message>
    <message>
        <source>the SQLite database file %1 does not exist</source>
        <translation>die SQLite-Datenbankdatei %1 existiert nicht</translation>
    </message>
    <message>
        <source>cannot connect to the %1: %2</source>
        <translation>keine Verbindung zur %1 möglich: %2</translation>
    </message>
    <message>
        <source>cannot begin a transaction: %1</source>
        <translation>eine Transaktion kann nicht begonnen werden: %1</translation>
    </message>
    <message>
        <source>stopped before statement %1</source>
        <translation>vor Anweisung %1 angehalten</translation>
    </message>
    <message>
        <source>stopped before the commit</source>
        <translation>vor dem Commit angehalten</translation>
    </message>
    <message>
        <source>the commit failed: %1</source>
        <translation>der Commit ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>rolled back: no change was kept</source>
        <translation>zurückgerollt: keine Änderung wurde behalten</translation>
    </message>
    <message>
        <source>cannot set the statement timeout: %1</source>
        <translation>das Zeitlimit für Anweisungen kann nicht gesetzt werden: %1</translation>
    </message>
    <message>
        <source>statement %1 uses the placeholder :%2, which is not bound (the known ones: :%3)</source>
        <translation>Anweisung %1 verwendet den Platzhalter :%2, der nicht gebunden ist (bekannt: :%3)</translation>
    </message>
    <message>
        <source>statement %1 failed: %2</source>
        <translation>Anweisung %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>statement %1 timed out after %2 ms: %3</source>
        <translation>Anweisung %1 hat nach %2 ms die Zeit überschritten: %3</translation>
    </message>
    <message>
        <source>statement %1 was cancelled: %2</source>
        <translation>Anweisung %1 wurde abgebrochen: %2</translation>
    </message>
    <message numerus="yes">
        <source>statement %1: %n row(s) returned (%2 ms)</source>
        <translation>
            <numerusform>Anweisung %1: %n Zeile zurückgegeben (%2 ms)</numerusform>
            <numerusform>Anweisung %1: %n Zeilen zurückgegeben (%2 ms)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>statement %1: %n row(s) affected (%2 ms)</source>
        <translation>
            <numerusform>Anweisung %1: %n Zeile betroffen (%2 ms)</numerusform>
            <numerusform>Anweisung %1: %n Zeilen betroffen (%2 ms)</numerusform>
        </translation>
    </message>
    <message>
        <source>statement %1: done (%2 ms)</source>
        <translation>Anweisung %1: fertig (%2 ms)</translation>
    </message>
    <message>
        <source>Connected to the %1.</source>
        <translation>Verbunden mit der %1.</translation>
    </message>
    <message>
        <source>cannot read the session&apos;s time zone: %1</source>
        <translation>die Zeitzone der Sitzung kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>SqlJobStore</name>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no job store file given</source>
        <translation>keine Auftragsspeicher-Datei angegeben</translation>
    </message>
    <message>
        <source>the folder %1 does not exist (for the job store %2)</source>
        <translation>der Ordner %1 existiert nicht (für den Auftragsspeicher %2)</translation>
    </message>
    <message>
        <source>cannot create the folder %1 for the job store</source>
        <translation>der Ordner %1 für den Auftragsspeicher kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 is not a folder (for the job store %2)</source>
        <translation>%1 ist kein Ordner (für den Auftragsspeicher %2)</translation>
    </message>
    <message>
        <source>%1 is a folder, not a Punctual job store</source>
        <translation>%1 ist ein Ordner, kein Punctual-Auftragsspeicher</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Punctual job store (not an SQLite database)</source>
        <translation>%1 ist kein Punctual-Auftragsspeicher (keine SQLite-Datenbank)</translation>
    </message>
    <message>
        <source>%1 is read-only</source>
        <translation>%1 ist schreibgeschützt</translation>
    </message>
    <message>
        <source>%1 is read-only (its folder %2 cannot be written)</source>
        <translation>%1 ist schreibgeschützt (sein Ordner %2 ist nicht beschreibbar)</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>the Qt %1 driver is not available (for %2)</source>
        <translation>der Qt-Treiber %1 ist nicht verfügbar (für %2)</translation>
    </message>
    <message>
        <source>%1 is not a Punctual job store</source>
        <translation>%1 ist kein Punctual-Auftragsspeicher</translation>
    </message>
    <message>
        <source>%1 was written by a newer Punctual (schema %2, this one reads up to %3)</source>
        <translation>%1 wurde von einem neueren Punctual geschrieben (Schema %2, diese Version liest bis %3)</translation>
    </message>
    <message>
        <source>%1 is locked by another process (waited %2 s)</source>
        <translation>%1 ist von einem anderen Prozess gesperrt (%2 s gewartet)</translation>
    </message>
    <message>
        <source>%1 is not a Punctual job store (not an %2 database)</source>
        <translation>%1 ist kein Punctual-Auftragsspeicher (keine %2-Datenbank)</translation>
    </message>
    <message>
        <source>job store %1: %2</source>
        <translation>Auftragsspeicher %1: %2</translation>
    </message>
    <message>
        <source>job &quot;%1&quot; in %2 cannot be read: %3</source>
        <translation>Auftrag „%1“ in %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>job store %1: no id for the new run</source>
        <translation>Auftragsspeicher %1: keine ID für den neuen Lauf</translation>
    </message>
    <message>
        <source>the instance %1 that ran this stopped answering (no heartbeat within its lease)</source>
        <translation>die Instanz %1, die dies ausführte, antwortet nicht mehr (kein Lebenszeichen innerhalb ihrer Frist)</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a FIFO, device or socket cannot be a job store)</source>
        <translation>%1 ist keine gewöhnliche Datei (ein FIFO, Gerät oder Socket kann kein Auftragsspeicher sein)</translation>
    </message>
    <message>
        <source>%1 is an empty file, not a Punctual job store (remove it to make a new store there)</source>
        <translation>%1 ist eine leere Datei, kein Punctual-Auftragsspeicher (entfernen Sie sie, um dort einen neuen Speicher anzulegen)</translation>
    </message>
    <message>
        <source>%1 cannot be copied by Punctual (use the database&apos;s own tools)</source>
        <translation>%1 kann nicht von Punctual kopiert werden (verwenden Sie die Werkzeuge der Datenbank)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>there is no job store at %1 (nothing was created)</source>
        <translation>unter %1 gibt es keinen Auftragsspeicher (es wurde nichts angelegt)</translation>
    </message>
    <message>
        <source>%1 is not a Punctual job store (it has no tables)</source>
        <translation>%1 ist kein Punctual-Auftragsspeicher (er enthält keine Tabellen)</translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL store: back it up with pg_dump (punctualctl backup copies SQLite stores)</source>
        <translation>%1 ist ein PostgreSQL-Speicher: sichern Sie ihn mit pg_dump (punctualctl backup kopiert SQLite-Speicher)</translation>
    </message>
    <message>
        <source>no backup file given</source>
        <translation>keine Sicherungsdatei angegeben</translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation>%1 ist ein Ordner</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a FIFO, device or socket cannot hold a backup)</source>
        <translation>%1 ist keine reguläre Datei (ein FIFO, ein Gerät oder ein Socket kann keine Sicherung aufnehmen)</translation>
    </message>
    <message>
        <source>%1 is the job store itself, not a place for its backup</source>
        <translation>%1 ist der Auftragsspeicher selbst, kein Ort für seine Sicherung</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>written by a newer Punctual</source>
        <translation>von einem neueren Punctual geschrieben</translation>
    </message>
    <message>
        <source>the job store %1 is not connected (reconnecting)</source>
        <translation>der Auftragsspeicher %1 ist nicht verbunden (verbinde erneut)</translation>
    </message>
    <message>
        <source>cannot reach the job store %1: %2</source>
        <translation>der Auftragsspeicher %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the job store file %1 is gone (removed or renamed); waiting for it to come back</source>
        <translation>die Auftragsspeicher-Datei %1 ist nicht mehr da (entfernt oder umbenannt); warte, bis sie wieder da ist</translation>
    </message>
    <message>
        <source>calendar &quot;%1&quot; cannot be read: %2</source>
        <translation>Kalender „%1“ kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>StoreLocation</name>
    <message>
        <source>&quot;%1&quot; names no file (expected sqlite:PATH)</source>
        <translation>„%1“ nennt keine Datei (erwartet: sqlite:PFAD)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a store URL (expected sqlite:PATH or postgresql://user@host:port/db)</source>
        <translation>„%1“ ist keine Speicher-URL (erwartet: sqlite:PFAD oder postgresql://user@host:port/db)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL store URL: %2</source>
        <translation>„%1“ ist keine PostgreSQL-Speicher-URL: %2</translation>
    </message>
    <message>
        <source>it holds a password; give it in PGPASSWORD or ~/.pgpass instead, so it is never written into settings or logs</source>
        <translation>sie enthält ein Passwort; geben Sie es stattdessen in PGPASSWORD oder ~/.pgpass an, damit es nie in Einstellungen oder Protokolle geschrieben wird</translation>
    </message>
    <message>
        <source>no host (expected postgresql://user@host:port/db)</source>
        <translation>kein Host (erwartet: postgresql://user@host:port/db)</translation>
    </message>
    <message>
        <source>no database name (expected postgresql://user@host:port/db)</source>
        <translation>kein Datenbankname (erwartet: postgresql://user@host:port/db)</translation>
    </message>
    <message>
        <source>instance=%1: use up to 100 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>instance=%1: verwenden Sie bis zu 100 Buchstaben, Ziffern, „.“, „_“ oder „-“</translation>
    </message>
    <message>
        <source>lease=%1: give a number of seconds from 1 to 86400</source>
        <translation>lease=%1: geben Sie eine Anzahl Sekunden von 1 bis 86400 an</translation>
    </message>
    <message>
        <source>unknown parameter &quot;%1&quot; (known: instance, lease)</source>
        <translation>unbekannter Parameter „%1“ (bekannt: instance, lease)</translation>
    </message>
    <message>
        <source>the job store chosen in the settings (%1) is not valid: %2</source>
        <translation>der in den Einstellungen gewählte Auftragsspeicher (%1) ist ungültig: %2</translation>
    </message>
</context>
<context>
    <name>StoreWatcher</name>
    <message>
        <source>cannot watch %1 for changes: %2</source>
        <translation>%1 kann nicht auf Änderungen überwacht werden: %2</translation>
    </message>
    <message>
        <source>cannot watch %1 for changes: no such file</source>
        <translation>%1 kann nicht auf Änderungen überwacht werden: Datei existiert nicht</translation>
    </message>
    <message>
        <source>cannot watch %1 for changes</source>
        <translation>%1 kann nicht auf Änderungen überwacht werden</translation>
    </message>
    <message>
        <source>the connection to %1 is closed</source>
        <translation>die Verbindung zu %1 ist geschlossen</translation>
    </message>
    <message>
        <source>cannot listen for changes on %1: %2</source>
        <translation>auf Änderungen an %1 kann nicht gewartet werden: %2</translation>
    </message>
</context>
<context>
    <name>SystemKeychain</name>
    <message>
        <source>keep the password in an environment variable of the scheduler instead and name that variable in the job</source>
        <translation>bewahren Sie das Passwort stattdessen in einer Umgebungsvariablen des Planers auf und nennen Sie diese Variable im Auftrag</translation>
    </message>
    <message>
        <source>a password in the keychain needs a connection name</source>
        <translation>ein Passwort im Schlüsselbund braucht einen Verbindungsnamen</translation>
    </message>
    <message>
        <source>the system keychain did not answer within %1 s (is it locked?); %2</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet (ist er gesperrt?); %2</translation>
    </message>
    <message>
        <source>the system keychain holds no password for connection &quot;%1&quot;: set it in the job editor (Set password…)</source>
        <translation>der Schlüsselbund enthält kein Passwort für die Verbindung „%1“: legen Sie es im Auftragseditor fest (Passwort festlegen…)</translation>
    </message>
    <message>
        <source>the system keychain refused access to the password of connection &quot;%1&quot;: %2</source>
        <translation>der Schlüsselbund hat den Zugriff auf das Passwort der Verbindung „%1“ verweigert: %2</translation>
    </message>
    <message>
        <source>no system keychain service is running (%1), so the password of connection &quot;%2&quot; cannot be kept there; %3</source>
        <translation>es läuft kein Schlüsselbund-Dienst (%1), daher kann das Passwort der Verbindung „%2“ dort nicht aufbewahrt werden; %3</translation>
    </message>
    <message>
        <source>the system keychain failed for connection &quot;%1&quot; (%2): is a keychain service (Secret Service, KWallet) running? If none runs, %3</source>
        <translation>der Schlüsselbund ist für die Verbindung „%1“ fehlgeschlagen (%2): läuft ein Schlüsselbund-Dienst (Secret Service, KWallet)? Wenn keiner läuft: %3</translation>
    </message>
</context>
<context>
    <name>Trigger</name>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>unbekannte Zeitzone „%1“</translation>
    </message>
    <message>
        <source>jitter must not be negative</source>
        <translation>jitter darf nicht negativ sein</translation>
    </message>
    <message>
        <source>the trigger was saved by a newer Punctual (version %1; this one reads up to %2)</source>
        <translation>der Auslöser wurde von einem neueren Punctual gespeichert (Version %1; diese Version liest bis %2)</translation>
    </message>
    <message>
        <source>unknown trigger type &quot;%1&quot;</source>
        <translation>unbekannter Auslösertyp „%1“</translation>
    </message>
    <message>
        <source>a whole number from 1 to %1</source>
        <translation>eine ganze Zahl von 1 bis %1</translation>
    </message>
</context>
<context>
    <name>UserUnit</name>
    <message>
        <source>systemctl cannot be run: %1</source>
        <translation>systemctl kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>systemctl did not answer in %1 s</source>
        <translation>systemctl hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>systemctl --user %1 failed: %2</source>
        <translation>systemctl --user %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Runs your jobs on time.</source>
        <translation>Führt Ihre Aufträge pünktlich aus.</translation>
    </message>
    <message>
        <source>The SQLite job store file.</source>
        <translation>Die SQLite-Datei des Auftragsspeichers.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Start without showing the window.</source>
        <translation>Starten, ohne das Fenster zu zeigen.</translation>
    </message>
    <message>
        <source>The interface language (e.g. de, zh_CN).</source>
        <translation>Die Sprache der Oberfläche (z. B. de, zh_CN).</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Punctual cannot start</source>
        <translation>Punctual kann nicht starten</translation>
    </message>
    <message>
        <source>give --db or --store, not both</source>
        <translation>geben Sie --db oder --store an, nicht beides</translation>
    </message>
    <message>
        <source>The job store URL (sqlite:PATH or postgresql://user@host:port/db).</source>
        <translation>Die URL des Auftragsspeichers (sqlite:PFAD oder postgresql://user@host:port/db).</translation>
    </message>
    <message>
        <source>Open the window on this job&apos;s run history.</source>
        <translation>Das Fenster mit dem Laufverlauf dieses Auftrags öffnen.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>punctual::ActionEditor</name>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>&amp;Ausführen:</translation>
    </message>
    <message>
        <source>e.g. /usr/bin/backup</source>
        <translation>z. B. /usr/bin/backup</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the program file</source>
        <translation>Programmdatei auswählen</translation>
    </message>
    <message>
        <source>e.g. --all &apos;a file name with spaces&apos;</source>
        <translation>z. B. --all &apos;ein Dateiname mit Leerzeichen&apos;</translation>
    </message>
    <message>
        <source>Split at spaces as a shell does: quotes (&apos;…&apos; or &quot;…&quot;) or a backslash keep spaces in an argument. Nothing is expanded: $VARIABLES and * reach the program as they are.</source>
        <translation>Wird wie in einer Shell an Leerzeichen getrennt: Anführungszeichen (&apos;…&apos; oder &quot;…&quot;) oder ein Backslash halten Leerzeichen in einem Argument. Nichts wird expandiert: $VARIABLEN und * erreichen das Programm unverändert.</translation>
    </message>
    <message>
        <source>the scheduler&apos;s own</source>
        <translation>der des Planers</translation>
    </message>
    <message>
        <source>The folder the program starts in</source>
        <translation>Der Ordner, in dem das Programm startet</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Choose the working folder</source>
        <translation>Arbeitsordner auswählen</translation>
    </message>
    <message>
        <source>Run through the she&amp;ll (/bin/sh)</source>
        <translation>Über die She&amp;ll ausführen (/bin/sh)</translation>
    </message>
    <message>
        <source>The program field is then a shell command line (pipes, $VARIABLES, wildcards), run with /bin/sh -c; the arguments become $1, $2, …</source>
        <translation>Das Programmfeld ist dann eine Shell-Befehlszeile (Pipes, $VARIABLEN, Platzhalter), ausgeführt mit /bin/sh -c; die Argumente werden zu $1, $2, …</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>&amp;Programm:</translation>
    </message>
    <message>
        <source>Ar&amp;guments:</source>
        <translation>Ar&amp;gumente:</translation>
    </message>
    <message>
        <source>Wor&amp;king folder:</source>
        <translation>Arbeits&amp;ordner:</translation>
    </message>
    <message>
        <source>F&amp;unction:</source>
        <translation>F&amp;unktion:</translation>
    </message>
    <message>
        <source>Choose the function to call</source>
        <translation>Aufzurufende Funktion auswählen</translation>
    </message>
    <message>
        <source>Enter the shell command to run</source>
        <translation>Geben Sie den auszuführenden Shell-Befehl ein</translation>
    </message>
    <message>
        <source>Enter the program to run</source>
        <translation>Geben Sie das auszuführende Programm ein</translation>
    </message>
    <message>
        <source>Arguments: the quote &apos; at position %1 is not closed</source>
        <translation>Argumente: das Anführungszeichen &apos; an Position %1 wird nicht geschlossen</translation>
    </message>
    <message>
        <source>Arguments: the quote &quot; at position %1 is not closed</source>
        <translation>Argumente: das Anführungszeichen &quot; an Position %1 wird nicht geschlossen</translation>
    </message>
    <message>
        <source>Choose the program</source>
        <translation>Programm auswählen</translation>
    </message>
    <message>
        <source>Shell co&amp;mmand:</source>
        <translation>Shell-&amp;Befehl:</translation>
    </message>
    <message>
        <source>e.g. tar czf /backup/home.tgz ~ &amp;&amp; echo done</source>
        <translation>z. B. tar czf /backup/home.tgz ~ &amp;&amp; echo fertig</translation>
    </message>
    <message>
        <source>No such program on this computer: runs will fail unless it exists when the job runs</source>
        <translation>Dieses Programm gibt es auf diesem Computer nicht: Läufe schlagen fehl, sofern es beim Lauf nicht existiert</translation>
    </message>
    <message>
        <source>No function &quot;%1&quot; is registered: runs will fail until it is</source>
        <translation>Keine Funktion „%1“ ist registriert: Läufe schlagen fehl, bis sie es ist</translation>
    </message>
    <message>
        <source>SQL statements</source>
        <translation>SQL-Anweisungen</translation>
    </message>
    <message>
        <source>HTTP requests</source>
        <translation>HTTP-Anfragen</translation>
    </message>
    <message>
        <source>What the job runs</source>
        <translation>Was der Auftrag ausführt</translation>
    </message>
    <message>
        <source>A command runs a program; a function calls C++ code registered with the scheduler under a name</source>
        <translation>Ein Befehl startet ein Programm; eine Funktion ruft C++-Code auf, der unter einem Namen beim Planer registriert ist</translation>
    </message>
    <message>
        <source>The function to call: one registered in this program, or the name of one registered later</source>
        <translation>Die aufzurufende Funktion: eine in diesem Programm registrierte oder der Name einer später registrierten</translation>
    </message>
    <message>
        <source>Do nothing (noop)</source>
        <translation>Nichts tun (noop)</translation>
    </message>
    <message>
        <source>Wait N seconds (sleep)</source>
        <translation>N Sekunden warten (sleep)</translation>
    </message>
</context>
<context>
    <name>punctual::Application</name>
    <message>
        <source>Quit Punctual</source>
        <translation>Punctual beenden</translation>
    </message>
    <message>
        <source>The Punctual scheduler cannot be started: %1</source>
        <translation>Der Punctual-Planer kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The Punctual scheduler did not start: %1</source>
        <translation>Der Punctual-Planer ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Punctual</source>
        <translation>Punctual</translation>
    </message>
    <message>
        <source>The Punctual scheduler is stopping; no job runs until it is started again.</source>
        <translation>Der Punctual-Planer wird beendet; kein Auftrag läuft, bis er wieder gestartet wird.</translation>
    </message>
    <message>
        <source>Cannot stop the scheduler: %1</source>
        <translation>Der Planer kann nicht beendet werden: %1</translation>
    </message>
    <message>
        <source>Keep jobs running in the background?</source>
        <translation>Aufträge im Hintergrund weiter ausführen?</translation>
    </message>
    <message>
        <source>The Punctual scheduler runs your jobs on time while the window is closed. Stopping it stops every job until Punctual is opened again.</source>
        <translation>Der Punctual-Planer führt Ihre Aufträge pünktlich aus, auch wenn das Fenster geschlossen ist. Wird er beendet, läuft kein Auftrag mehr, bis Punctual wieder geöffnet wird.</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Stop scheduler</source>
        <translation>Planer beenden</translation>
    </message>
    <message>
        <source>The history setting did not reach the scheduler: %1</source>
        <translation>Die Verlaufseinstellung hat den Planer nicht erreicht: %1</translation>
    </message>
</context>
<context>
    <name>punctual::BackfillDialog</name>
    <message>
        <source>Backfill %1</source>
        <translation>%1 nachholen</translation>
    </message>
    <message>
        <source>Backfill a job</source>
        <translation>Einen Auftrag nachholen</translation>
    </message>
    <message>
        <source>Runs the job once for each time its schedule would have fired in the range, in order, one after another. Times backfilled before are not run again.</source>
        <translation>Führt den Auftrag einmal für jeden Zeitpunkt aus, zu dem sein Zeitplan im Bereich ausgelöst hätte, der Reihe nach, einen nach dem anderen. Schon nachgeholte Zeiten werden nicht erneut ausgeführt.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>If the job is running</source>
        <translation>Wenn der Auftrag läuft</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Run beside it</source>
        <translation>Daneben ausführen</translation>
    </message>
    <message>
        <source>Fire times in the range</source>
        <translation>Auslösezeiten im Bereich</translation>
    </message>
    <message>
        <source>Preview shows the times the range holds.</source>
        <translation>„Vorschau“ zeigt die Zeiten im Bereich.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>If the job is &amp;running:</source>
        <translation>Wenn der Auftrag &amp;läuft:</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>&amp;Backfill</source>
        <translation>&amp;Nachholen</translation>
    </message>
    <message>
        <source>Asking the scheduler…</source>
        <translation>Der Planer wird gefragt…</translation>
    </message>
    <message numerus="yes">
        <source>%n fire time(s) in the range.</source>
        <translation>
            <numerusform>%n Auslösezeit im Bereich.</numerusform>
            <numerusform>%n Auslösezeiten im Bereich.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) backfilled.</source>
        <translation>
            <numerusform>%n Lauf nachgeholt.</numerusform>
            <numerusform>%n Läufe nachgeholt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::CalendarsDialog</name>
    <message>
        <source>Calendars</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Calendars:</source>
        <translation>&amp;Kalender:</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Jede Woche</translation>
    </message>
    <message>
        <source>Exclude every %1</source>
        <translation>Jeden %1 ausschließen</translation>
    </message>
    <message>
        <source>Excluded days and ranges</source>
        <translation>Ausgeschlossene Tage und Bereiche</translation>
    </message>
    <message>
        <source>Days and &amp;ranges:</source>
        <translation>Tage und &amp;Bereiche:</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Exclude the day, or the days from the first to the last</source>
        <translation>Den Tag ausschließen, oder die Tage vom ersten bis zum letzten</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Import .ics…</source>
        <translation>&amp;ICS importieren…</translation>
    </message>
    <message>
        <source>Exclude the days of an iCalendar file&apos;s all-day events (recurring ones through 2100)</source>
        <translation>Die Tage der ganztägigen Termine einer iCalendar-Datei ausschließen (wiederkehrende bis 2100)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>&amp;bis:</translation>
    </message>
    <message>
        <source>New calendar</source>
        <translation>Neuer Kalender</translation>
    </message>
    <message>
        <source>Name of the calendar:</source>
        <translation>Name des Kalenders:</translation>
    </message>
    <message>
        <source>Import .ics</source>
        <translation>ICS importieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar-Dateien (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Used by no job</source>
        <translation>Von keinem Auftrag verwendet</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>Verwendet von %1</translation>
    </message>
    <message>
        <source>Choose a calendar, or make one with New…</source>
        <translation>Wählen Sie einen Kalender, oder legen Sie mit Neu… einen an</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Used by no job.</source>
        <translation>Von keinem Auftrag verwendet.</translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation>Verwendet von: %1</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Der letzte Tag liegt vor dem ersten.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with a time of day left out: only all-day events exclude days.</source>
        <translation>
            <numerusform>%n Termin mit Uhrzeit ausgelassen: Nur ganztägige Termine schließen Tage aus.</numerusform>
            <numerusform>%n Termine mit Uhrzeit ausgelassen: Nur ganztägige Termine schließen Tage aus.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::ChainsEditor</name>
    <message>
        <source>When it succeeds</source>
        <translation>Wenn er gelingt</translation>
    </message>
    <message>
        <source>When it fails</source>
        <translation>Wenn er fehlschlägt</translation>
    </message>
    <message>
        <source>Either way</source>
        <translation>In jedem Fall</translation>
    </message>
    <message>
        <source>Jobs run afterwards</source>
        <translation>Danach ausgeführte Aufträge</translation>
    </message>
    <message>
        <source>The jobs that run after a run of this job ends, and when (--on-success, --on-failure, --on-finish)</source>
        <translation>Die Aufträge, die nach dem Ende eines Laufs dieses Auftrags laufen, und wann (--on-success, --on-failure, --on-finish)</translation>
    </message>
    <message>
        <source>When to run the chosen job</source>
        <translation>Wann der gewählte Auftrag läuft</translation>
    </message>
    <message>
        <source>Job to run afterwards</source>
        <translation>Danach auszuführender Auftrag</translation>
    </message>
    <message>
        <source>Choose a job by name, or type its id</source>
        <translation>Wählen Sie einen Auftrag nach Namen oder geben Sie seine ID ein</translation>
    </message>
    <message>
        <source>job name or id</source>
        <translation>Auftragsname oder ID</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add the job to run afterwards</source>
        <translation>Den danach auszuführenden Auftrag hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected jobs run afterwards</source>
        <translation>Die gewählten danach ausgeführten Aufträge entfernen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>punctual::CommandExecutor</name>
    <message>
        <source>[… %1 bytes dropped]</source>
        <translation>[… %1 Bytes verworfen]</translation>
    </message>
    <message>
        <source>no program was given</source>
        <translation>es wurde kein Programm angegeben</translation>
    </message>
    <message>
        <source>program &quot;%1&quot; was not found</source>
        <translation>Programm „%1“ wurde nicht gefunden</translation>
    </message>
    <message>
        <source>program &quot;%1&quot; is not executable</source>
        <translation>Programm „%1“ ist nicht ausführbar</translation>
    </message>
    <message>
        <source>this executor runs commands only</source>
        <translation>dieser Ausführer führt nur Befehle aus</translation>
    </message>
    <message>
        <source>working directory &quot;%1&quot; does not exist</source>
        <translation>Arbeitsordner „%1“ existiert nicht</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>Zeit nach %1 überschritten</translation>
    </message>
    <message>
        <source>stopped before it finished</source>
        <translation>vor dem Ende angehalten</translation>
    </message>
    <message>
        <source>crashed (signal %1)</source>
        <translation>abgestürzt (Signal %1)</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>could not start: %1</source>
        <translation>konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>punctual::ConditionsEditor</name>
    <message>
        <source>On AC power</source>
        <translation>Am Netzstrom</translation>
    </message>
    <message>
        <source>A due run waits while the computer runs on battery (requires ac-power)</source>
        <translation>Ein fälliger Lauf wartet, solange der Computer im Akkubetrieb läuft (requires ac-power)</translation>
    </message>
    <message>
        <source>Network available</source>
        <translation>Netzwerk verfügbar</translation>
    </message>
    <message>
        <source>A due run waits until the network can be reached (requires network)</source>
        <translation>Ein fälliger Lauf wartet, bis das Netzwerk erreichbar ist (requires network)</translation>
    </message>
    <message>
        <source>Unmetered network</source>
        <translation>Nicht getaktetes Netzwerk</translation>
    </message>
    <message>
        <source>A due run waits while there is no network, or only a metered one such as a mobile connection (requires unmetered)</source>
        <translation>Ein fälliger Lauf wartet, solange kein Netzwerk oder nur ein getaktetes wie eine Mobilfunkverbindung besteht (requires unmetered)</translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation>Im Leerlauf seit</translation>
    </message>
    <message>
        <source>A due run waits until nobody has used the computer for this long (requires idle:DURATION)</source>
        <translation>Ein fälliger Lauf wartet, bis niemand den Computer so lange benutzt hat (requires idle:DAUER)</translation>
    </message>
    <message>
        <source>Only when the computer is idle</source>
        <translation>Nur wenn der Computer im Leerlauf ist</translation>
    </message>
    <message>
        <source>Idle for this many minutes</source>
        <translation>So viele Minuten im Leerlauf</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>How long a due run waits for its conditions</source>
        <translation>Wie lange ein fälliger Lauf auf seine Bedingungen wartet</translation>
    </message>
    <message>
        <source>as long as the misfire grace time</source>
        <translation>so lange wie die Verspätungstoleranz</translation>
    </message>
    <message>
        <source>for ever</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <source>Minutes a due run waits for its conditions</source>
        <translation>Minuten, die ein fälliger Lauf auf seine Bedingungen wartet</translation>
    </message>
    <message>
        <source>Stop the run if the condition is lost</source>
        <translation>Lauf beenden, wenn die Bedingung wegfällt</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Bedingungen:</translation>
    </message>
    <message>
        <source>Wait for them:</source>
        <translation>Darauf warten:</translation>
    </message>
    <message>
        <source>A run whose conditions do not hold by then is not run; it is recorded as condition timeout</source>
        <translation>Ein Lauf, dessen Bedingungen bis dahin nicht erfüllt sind, wird nicht ausgeführt; er wird als Bedingungs-Zeitüberschreitung vermerkt</translation>
    </message>
    <message>
        <source>A run going is stopped (recorded interrupted) when one of its conditions stops holding, such as the power cable being pulled</source>
        <translation>Ein laufender Lauf wird beendet (als unterbrochen vermerkt), sobald eine seiner Bedingungen nicht mehr gilt, etwa wenn das Netzkabel gezogen wird</translation>
    </message>
</context>
<context>
    <name>punctual::ControlServer</name>
    <message>
        <source>too many clients are connected (at most %1)</source>
        <translation>zu viele Clients sind verbunden (höchstens %1)</translation>
    </message>
    <message>
        <source>a request line is longer than %1 bytes</source>
        <translation>eine Anfragezeile ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>not JSON: %1 at byte %2</source>
        <translation>kein JSON: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>a request must be a JSON object</source>
        <translation>eine Anfrage muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>a request needs a &quot;method&quot; string</source>
        <translation>eine Anfrage braucht eine Zeichenkette „method“</translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object</source>
        <translation>„params“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>unknown method &quot;%1&quot;</source>
        <translation>unbekannte Methode „%1“</translation>
    </message>
    <message>
        <source>this computer runs no jobs of this store (its Punctual only manages them); the computers that run them do</source>
        <translation>dieser Computer führt keine Aufträge dieses Speichers aus (sein Punctual verwaltet sie nur); das tun die Computer, die sie ausführen</translation>
    </message>
</context>
<context>
    <name>punctual::DBusDesktopState</name>
    <message>
        <source>desktop state: no system bus (%1): on AC power, online and not idle are assumed</source>
        <translation>Desktop-Zustand: kein Systembus (%1): Netzstrom, verbunden und nicht im Leerlauf werden angenommen</translation>
    </message>
    <message>
        <source>desktop state: UPower is not on the system bus: on AC power is assumed</source>
        <translation>Desktop-Zustand: UPower ist nicht auf dem Systembus: Netzstrom wird angenommen</translation>
    </message>
    <message>
        <source>UPower: on battery</source>
        <translation>UPower: im Akkubetrieb</translation>
    </message>
    <message>
        <source>UPower: on AC power</source>
        <translation>UPower: am Netzstrom</translation>
    </message>
    <message>
        <source>desktop state: no logind session found on the system bus: the computer is taken as not idle (idle conditions wait)</source>
        <translation>Desktop-Zustand: keine logind-Sitzung auf dem Systembus gefunden: der Computer gilt als nicht im Leerlauf (Leerlauf-Bedingungen warten)</translation>
    </message>
    <message>
        <source>logind session %1: %2</source>
        <translation>logind-Sitzung %1: %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>not idle</source>
        <translation>nicht im Leerlauf</translation>
    </message>
    <message>
        <source>desktop state: no network information backend (NetworkManager): the network is taken as online and unmetered</source>
        <translation>Desktop-Zustand: kein Backend für Netzwerkinformationen (NetworkManager): das Netzwerk gilt als verbunden und nicht getaktet</translation>
    </message>
    <message>
        <source>network (%1): %2%3</source>
        <translation>Netzwerk (%1): %2%3</translation>
    </message>
    <message>
        <source>online</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>, metered</source>
        <translation>, getaktet</translation>
    </message>
</context>
<context>
    <name>punctual::DesktopNotifier</name>
    <message>
        <source>there is no D-Bus session bus (%1)</source>
        <translation>es gibt keinen D-Bus-Sitzungsbus (%1)</translation>
    </message>
    <message>
        <source>nobody provides %1 on the session bus (%2)</source>
        <translation>niemand stellt %1 auf dem Sitzungsbus bereit (%2)</translation>
    </message>
    <message>
        <source>the notification service left the session bus</source>
        <translation>der Benachrichtigungsdienst hat den Sitzungsbus verlassen</translation>
    </message>
    <message>
        <source>desktop notifications are off: %1; the window&apos;s tray tells about failed runs instead</source>
        <translation>Desktop-Benachrichtigungen sind aus: %1; stattdessen meldet das Infobereichssymbol des Fensters fehlgeschlagene Läufe</translation>
    </message>
    <message>
        <source>failed, timed-out and missed runs are shown as desktop notifications (with &quot;Show log&quot; and &quot;Run again&quot;)</source>
        <translation>fehlgeschlagene, abgebrochene und verpasste Läufe werden als Desktop-Benachrichtigungen gezeigt (mit „Protokoll zeigen“ und „Erneut ausführen“)</translation>
    </message>
    <message>
        <source>failed, timed-out and missed runs are shown as desktop notifications</source>
        <translation>fehlgeschlagene, abgebrochene und verpasste Läufe werden als Desktop-Benachrichtigungen gezeigt</translation>
    </message>
    <message>
        <source>“%1” missed its run</source>
        <translation>„%1“ hat seinen Lauf verpasst</translation>
    </message>
    <message>
        <source>The run due %1 was not started.</source>
        <translation>Der für %1 fällige Lauf wurde nicht gestartet.</translation>
    </message>
    <message>
        <source>The run due %1 was not started: %2</source>
        <translation>Der für %1 fällige Lauf wurde nicht gestartet: %2</translation>
    </message>
    <message>
        <source>“%1” timed out</source>
        <translation>„%1“ hat die Zeit überschritten</translation>
    </message>
    <message>
        <source>The run due %1 was stopped after the job&apos;s timeout.</source>
        <translation>Der für %1 fällige Lauf wurde nach der Zeitgrenze des Auftrags angehalten.</translation>
    </message>
    <message>
        <source>“%1” failed</source>
        <translation>„%1“ ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The run due %1 ended with exit code %2.</source>
        <translation>Der für %1 fällige Lauf endete mit Exit-Code %2.</translation>
    </message>
    <message>
        <source>The run due %1 failed: %2</source>
        <translation>Der für %1 fällige Lauf ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The run due %1 failed.</source>
        <translation>Der für %1 fällige Lauf ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>Protokoll zeigen</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>job %1: the desktop notice could not be shown: %2</source>
        <translation>Auftrag %1: die Desktop-Benachrichtigung konnte nicht gezeigt werden: %2</translation>
    </message>
    <message>
        <source>job %1: not run again: %2</source>
        <translation>Auftrag %1: nicht erneut ausgeführt: %2</translation>
    </message>
    <message>
        <source>Punctual cannot reach its job store</source>
        <translation>Punctual erreicht seinen Auftragsspeicher nicht</translation>
    </message>
    <message>
        <source>No job runs until it is back (unavailable since %1); Punctual reconnects on its own. Last error: %2</source>
        <translation>Bis er wieder da ist, läuft kein Auftrag (nicht verfügbar seit %1); Punctual stellt die Verbindung selbst wieder her. Letzter Fehler: %2</translation>
    </message>
    <message>
        <source>Punctual&apos;s job store is back</source>
        <translation>Der Auftragsspeicher von Punctual ist wieder da</translation>
    </message>
    <message>
        <source>It was unavailable from %1 to %2; jobs run again.</source>
        <translation>Er war von %1 bis %2 nicht verfügbar; die Aufträge laufen wieder.</translation>
    </message>
    <message>
        <source>the desktop notice about the job store could not be shown: %1</source>
        <translation>die Desktop-Benachrichtigung über den Auftragsspeicher konnte nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>“%1” was paused</source>
        <translation>„%1“ wurde angehalten</translation>
    </message>
    <message>
        <source>Its run failed, and it is set to pause after a failure. It runs again once you resume it.</source>
        <translation>Sein Lauf ist fehlgeschlagen, und er ist so eingestellt, dass er nach einem Fehlschlag anhält. Er läuft wieder, sobald Sie ihn fortsetzen.</translation>
    </message>
    <message>
        <source>Its last %1 runs failed, and it is set to pause after that many. It runs again once you resume it.</source>
        <translation>Seine letzten %1 Läufe sind fehlgeschlagen, und er ist so eingestellt, dass er danach anhält. Er läuft wieder, sobald Sie ihn fortsetzen.</translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep or Punctual was not running</source>
        <translation>
            <numerusform>%n Lauf wurde verpasst, während der Computer im Ruhezustand war oder Punctual nicht lief</numerusform>
            <numerusform>%n Läufe wurden verpasst, während der Computer im Ruhezustand war oder Punctual nicht lief</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep</source>
        <translation>
            <numerusform>%n Lauf wurde verpasst, während der Computer im Ruhezustand war</numerusform>
            <numerusform>%n Läufe wurden verpasst, während der Computer im Ruhezustand war</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while Punctual was not running</source>
        <translation>
            <numerusform>%n Lauf wurde verpasst, während Punctual nicht lief</numerusform>
            <numerusform>%n Läufe wurden verpasst, während Punctual nicht lief</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs: %1. Open Punctual to review what each job did.</source>
        <translation>
            <numerusform>%n Auftrag: %1. Öffnen Sie Punctual, um zu sehen, was er getan hat.</numerusform>
            <numerusform>%n Aufträge: %1. Öffnen Sie Punctual, um zu sehen, was jeder Auftrag getan hat.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::DurationTrendColumn</name>
    <message>
        <source>Duration &amp;trend</source>
        <translation>Dauer-&amp;Trend</translation>
    </message>
    <message>
        <source>Show the last runs&apos; durations as small bars in the job table</source>
        <translation>Die Dauer der letzten Läufe als kleine Balken in der Auftragsliste zeigen</translation>
    </message>
</context>
<context>
    <name>punctual::EventsEditor</name>
    <message>
        <source>Runs once each time the scheduler starts, as cron&apos;s @reboot does (not when it is resumed from a pause)</source>
        <translation>Läuft einmal bei jedem Start des Planers, wie @reboot bei cron (nicht, wenn er nach einer Pause fortgesetzt wird)</translation>
    </message>
    <message>
        <source>Runs when the computer wakes from sleep or hibernation</source>
        <translation>Läuft, wenn der Computer aus dem Ruhezustand oder Tiefschlaf aufwacht</translation>
    </message>
    <message>
        <source>after</source>
        <translation>nach</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>How long after the wake-up: 30s, 2m, 1h30m (empty: at once). Another wake-up before it has passed starts the wait again.</source>
        <translation>Wie lange nach dem Aufwachen: 30s, 2m, 1h30m (leer: sofort). Ein weiteres Aufwachen vor Ablauf startet die Wartezeit neu.</translation>
    </message>
    <message>
        <source>Delay after the wake-up</source>
        <translation>Verzögerung nach dem Aufwachen</translation>
    </message>
    <message>
        <source>Runs when the network becomes reachable after it was not (at most once in 30 seconds)</source>
        <translation>Läuft, wenn das Netzwerk wieder erreichbar wird (höchstens einmal in 30 Sekunden)</translation>
    </message>
    <message>
        <source>Wake-up delay: %1</source>
        <translation>Verzögerung nach dem Aufwachen: %1</translation>
    </message>
    <message>
        <source>at &amp;start</source>
        <translation>beim &amp;Start</translation>
    </message>
    <message>
        <source>after &amp;wake-up,</source>
        <translation>nach dem &amp;Aufwachen,</translation>
    </message>
    <message>
        <source>when the network comes up</source>
        <translation>wenn das Netzwerk verfügbar wird</translation>
    </message>
    <message>
        <source>Also run:</source>
        <translation>Außerdem ausführen:</translation>
    </message>
</context>
<context>
    <name>punctual::ExcludeEditor</name>
    <message>
        <source>E&amp;xclude days of:</source>
        <translation>Tage aus&amp;schließen von:</translation>
    </message>
    <message>
        <source>Exclusion calendars</source>
        <translation>Ausschlusskalender</translation>
    </message>
    <message>
        <source>Fire times on the days a checked calendar excludes do not run (Scheduler › Calendars… edits them)</source>
        <translation>Auslösezeitpunkte an Tagen, die ein angehakter Kalender ausschließt, laufen nicht (Planer › Kalender… bearbeitet sie)</translation>
    </message>
    <message>
        <source>No calendars yet: Scheduler › Calendars… adds them.</source>
        <translation>Noch keine Kalender: Planer › Kalender… legt sie an.</translation>
    </message>
    <message>
        <source>%1 (not stored)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
</context>
<context>
    <name>punctual::Executor</name>
    <message>
        <source>not run: it would have started %1 late (misfire grace time %2)</source>
        <translation>nicht ausgeführt: er hätte %1 zu spät begonnen (Kulanzzeit %2)</translation>
    </message>
</context>
<context>
    <name>punctual::FieldMessage</name>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>punctual::FunctionExecutor</name>
    <message>
        <source>this executor runs functions only</source>
        <translation>dieser Ausführer führt nur Funktionen aus</translation>
    </message>
    <message>
        <source>no function named &quot;%1&quot; is registered</source>
        <translation>keine Funktion namens „%1“ ist registriert</translation>
    </message>
    <message>
        <source>stopped before it finished</source>
        <translation>vor dem Ende angehalten</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; threw an exception: %2</source>
        <translation>Funktion „%1“ hat eine Ausnahme ausgelöst: %2</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; threw an unknown exception</source>
        <translation>Funktion „%1“ hat eine unbekannte Ausnahme ausgelöst</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; failed</source>
        <translation>Funktion „%1“ ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>Zeit nach %1 überschritten</translation>
    </message>
</context>
<context>
    <name>punctual::HttpActionEditor</name>
    <message>
        <source>One URL per line, e.g.
http://localhost:8080/
http://localhost:8080/products</source>
        <translation>Eine URL pro Zeile, z. B.
http://localhost:8080/
http://localhost:8080/products</translation>
    </message>
    <message>
        <source>The addresses requested at each run, one per line (http:// or https://)</source>
        <translation>Die Adressen, die bei jedem Lauf angefragt werden, eine pro Zeile (http:// oder https://)</translation>
    </message>
    <message>
        <source>GET fetches each page (its body is counted, not kept); HEAD asks for the headers only; POST sends the body below to every URL</source>
        <translation>GET ruft jede Seite ab (ihr Inhalt wird gezählt, nicht gespeichert); HEAD fragt nur die Kopfzeilen ab; POST sendet den Inhalt unten an jede URL</translation>
    </message>
    <message>
        <source>The request body POST sends (UTF-8 text)</source>
        <translation>Der Inhalt, den POST sendet (UTF-8-Text)</translation>
    </message>
    <message>
        <source>The body&apos;s Content-Type header, e.g. application/json</source>
        <translation>Die Content-Type-Kopfzeile des Inhalts, z. B. application/json</translation>
    </message>
    <message>
        <source>How many requests may be waiting for an answer at the same time (concurrency); Qt opens at most 6 connections to one host</source>
        <translation>Wie viele Anfragen gleichzeitig auf eine Antwort warten dürfen (concurrency); Qt öffnet höchstens 6 Verbindungen zu einem Host</translation>
    </message>
    <message>
        <source>requests at a time, at most</source>
        <translation>Anfragen gleichzeitig, höchstens</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A status other than 2&amp;xx fails the run</source>
        <translation>Ein anderer Status als 2&amp;xx lässt den Lauf fehlschlagen</translation>
    </message>
    <message>
        <source>&amp;URLs:</source>
        <translation>&amp;URLs:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>Content &amp;type:</source>
        <translation>Inhalts&amp;typ:</translation>
    </message>
    <message>
        <source>Give up on a URL a&amp;fter:</source>
        <translation>URL aufgeben n&amp;ach:</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>(and %1 more lines that are not URLs)</source>
        <translation>(und %1 weitere Zeilen, die keine URLs sind)</translation>
    </message>
    <message>
        <source>Enter at least one URL to request</source>
        <translation>Mindestens eine URL zum Anfragen eingeben</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Requests at a time, at most</source>
        <translation>Höchstens so viele Anfragen gleichzeitig</translation>
    </message>
    <message>
        <source>A URL that has not been answered completely after this long fails as timed out; the other URLs still run</source>
        <translation>Eine URL, die nach dieser Zeit nicht vollständig beantwortet ist, schlägt als Zeitüberschreitung fehl; die anderen URLs laufen weiter</translation>
    </message>
    <message>
        <source>Follow &amp;redirects</source>
        <translation>&amp;Weiterleitungen folgen</translation>
    </message>
    <message>
        <source>On: a redirect is followed and the address it leads to is recorded. Off: a redirect is the answer, recorded with where it points</source>
        <translation>An: einer Weiterleitung wird gefolgt und die Zieladresse vermerkt. Aus: eine Weiterleitung ist die Antwort und wird mit ihrem Ziel vermerkt</translation>
    </message>
    <message>
        <source>Off: any answer counts, 404 and 500 included; only network errors and timeouts fail the run</source>
        <translation>Aus: jede Antwort zählt, auch 404 und 500; nur Netzwerkfehler und Zeitüberschreitungen lassen den Lauf fehlschlagen</translation>
    </message>
</context>
<context>
    <name>punctual::HttpExecutor</name>
    <message>
        <source>no HTTP answer</source>
        <translation>keine HTTP-Antwort</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>Zeit nach %1 überschritten</translation>
    </message>
    <message>
        <source>cut off by the job&apos;s timeout</source>
        <translation>durch die Zeitgrenze des Auftrags abgeschnitten</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>--- %1 %2 not requested</source>
        <translation>--- %1 %2 nicht angefragt</translation>
    </message>
    <message>
        <source>%1 bytes %2 ms</source>
        <translation>%1 Bytes %2 ms</translation>
    </message>
    <message>
        <source>(redirect to %1 not followed)</source>
        <translation>(Weiterleitung nach %1 nicht gefolgt)</translation>
    </message>
    <message>
        <source>FAILED, %1</source>
        <translation>FEHLGESCHLAGEN, %1</translation>
    </message>
    <message>
        <source>this executor runs http actions only</source>
        <translation>dieser Ausführer führt nur HTTP-Aktionen aus</translation>
    </message>
    <message>
        <source>no URL to request</source>
        <translation>keine URL zum Anfragen</translation>
    </message>
    <message>
        <source>URLs succeeded: %1 of %2, %3 bytes in %4</source>
        <translation>URLs erfolgreich: %1 von %2, %3 Bytes in %4</translation>
    </message>
    <message>
        <source>timed out after %1; URLs answered: %2 of %3</source>
        <translation>Zeit nach %1 überschritten; beantwortete URLs: %2 von %3</translation>
    </message>
    <message>
        <source>stopped before it finished; URLs answered: %1 of %2</source>
        <translation>vor dem Ende angehalten; beantwortete URLs: %1 von %2</translation>
    </message>
    <message>
        <source>URLs failed (%1 of %2): %3</source>
        <translation>URLs fehlgeschlagen (%1 von %2): %3</translation>
    </message>
</context>
<context>
    <name>punctual::ImportDialog</name>
    <message>
        <source>Import jobs</source>
        <translation>Aufträge importieren</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Führt aus</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>A job with this id is stored already</source>
        <translation>Ein Auftrag mit dieser ID ist bereits gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weiterer.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Hinweise:</translation>
    </message>
    <message>
        <source>&amp;Replace the stored jobs with the imported ones</source>
        <translation>Gespeicherte Aufträge durch die importierten &amp;ersetzen</translation>
    </message>
    <message>
        <source>&amp;Keep the stored jobs and leave these out</source>
        <translation>Gespeicherte Aufträge &amp;behalten und diese auslassen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <source>Job %1 in %2</source>
        <translation>Auftrag %1 in %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>where in a file: line 14 of crontab</comment>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>Jobs to import from “%1”: %n</source>
        <translation>
            <numerusform>Zu importierende Aufträge aus „%1“: %n</numerusform>
            <numerusform>Zu importierende Aufträge aus „%1“: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs to import</source>
        <translation>Zu importierende Aufträge</translation>
    </message>
    <message numerus="yes">
        <source>Left out, as they cannot be imported (%n):</source>
        <translation>
            <numerusform>Ausgelassen, da nicht importierbar (%n):</numerusform>
            <numerusform>Ausgelassen, da nicht importierbar (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries left out</source>
        <translation>Ausgelassene Einträge</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message numerus="yes">
        <source>Jobs whose id is stored already (%n):</source>
        <translation>
            <numerusform>Aufträge, deren ID schon gespeichert ist (%n):</numerusform>
            <numerusform>Aufträge, deren ID schon gespeichert ist (%n):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::InstancesDialog</name>
    <message>
        <source>Scheduler Instances</source>
        <translation>Planer-Instanzen</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Letztes Lebenszeichen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>The instances cannot be read: %1</source>
        <translation>Die Instanzen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>alive</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>expired (no heartbeat for %1)</source>
        <translation>abgelaufen (kein Lebenszeichen seit %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) alive on this job store.</source>
        <translation>
            <numerusform>%n Instanz aktiv auf diesem Auftragsspeicher.</numerusform>
            <numerusform>%n Instanzen aktiv auf diesem Auftragsspeicher.</numerusform>
        </translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Gestartet durch</translation>
    </message>
    <message>
        <source>Not connected to the Punctual scheduler.</source>
        <translation>Nicht mit dem Punctual-Planer verbunden.</translation>
    </message>
    <message>
        <source>One scheduler runs the jobs of this store. Several instances share a PostgreSQL store (see Settings).</source>
        <translation>Ein Planer führt die Aufträge dieses Speichers aus. Mehrere Instanzen teilen sich einen PostgreSQL-Speicher (siehe Einstellungen).</translation>
    </message>
    <message>
        <source>systemd user unit</source>
        <translation>systemd-Benutzerdienst</translation>
    </message>
    <message>
        <source>by the window</source>
        <translation>durch das Fenster</translation>
    </message>
    <message>
        <source>at login</source>
        <translation>bei der Anmeldung</translation>
    </message>
    <message>
        <source>from a terminal</source>
        <translation>aus einem Terminal</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <source>Scheduler instances</source>
        <translation>Planer-Instanzen</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <comment>an instance id</comment>
        <translation>%1 (dieser Computer)</translation>
    </message>
</context>
<context>
    <name>punctual::JobEditorDialog</name>
    <message>
        <source>New job</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>e.g. Warm the cache</source>
        <translation>z. B. Cache vorwärmen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>wird erzeugt</translation>
    </message>
    <message>
        <source>&amp;ID:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>If things go wrong</source>
        <translation>Wenn etwas schiefgeht</translation>
    </message>
    <message>
        <source>Edit job</source>
        <translation>Auftrag bearbeiten</translation>
    </message>
    <message>
        <source>A job&apos;s id cannot change</source>
        <translation>Die ID eines Auftrags kann sich nicht ändern</translation>
    </message>
    <message>
        <source>Cannot save yet: %1</source>
        <translation>Noch nicht speicherbar: %1</translation>
    </message>
    <message>
        <source>Could not save the job: %1</source>
        <translation>Der Auftrag konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source>Only when</source>
        <translation>Nur wenn</translation>
    </message>
    <message>
        <source>The name the job list shows</source>
        <translation>Der Name, den die Auftragsliste zeigt</translation>
    </message>
    <message>
        <source>A unique name scripts use for the job (punctualctl show ID); when left empty, made from the name</source>
        <translation>Ein eindeutiger Name, über den Skripte den Auftrag ansprechen (punctualctl show ID); leer gelassen, wird er aus dem Namen gebildet</translation>
    </message>
    <message>
        <source>Discard this new job?</source>
        <translation>Diesen neuen Auftrag verwerfen?</translation>
    </message>
    <message>
        <source>Discard changes to “%1”?</source>
        <translation>Änderungen an „%1“ verwerfen?</translation>
    </message>
    <message>
        <source>What you entered is lost.</source>
        <translation>Was Sie eingegeben haben, geht verloren.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>punctual::JobListLoader</name>
    <message>
        <source>no store to load from</source>
        <translation>kein Speicher zum Laden</translation>
    </message>
</context>
<context>
    <name>punctual::JobListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ID: %1
Runs: %2</source>
        <translation>ID: %1
Führt aus: %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>date and time, then &quot;in 12 min&quot;</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Paused: no run until it is resumed</source>
        <translation>Angehalten: kein Lauf, bis er fortgesetzt wird</translation>
    </message>
    <message>
        <source>Finished: it will not run again</source>
        <translation>Beendet: er wird nicht mehr ausgeführt</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>date and time, then &quot;12 min ago&quot;</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>Noch nicht ausgeführt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Retrying (%1 of %2) at %3</source>
        <comment>attempt number, attempts in all, local time of the attempt</comment>
        <translation>Wiederholung (%1 von %2) um %3</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>The last run failed. Attempt %1 of %2: %3
%4</source>
        <comment>attempt, attempts in all, date and time, &quot;in 5 min&quot;</comment>
        <translation>Der letzte Lauf ist fehlgeschlagen. Versuch %1 von %2: %3
%4</translation>
    </message>
    <message>
        <source>Paused: %1
No run until it is resumed.</source>
        <comment>the note given when it was paused</comment>
        <translation>Angehalten: %1
Kein Lauf, bis er fortgesetzt wird.</translation>
    </message>
    <message>
        <source>On events</source>
        <translation>Bei Ereignissen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>A due run waits until its conditions hold: %1.</source>
        <translation>Ein fälliger Lauf wartet, bis seine Bedingungen erfüllt sind: %1.</translation>
    </message>
    <message>
        <source>If they do not by %1 (%2), it is not run.</source>
        <comment>date and time, &quot;in 5 min&quot;</comment>
        <translation>Sind sie bis %1 (%2) nicht erfüllt, wird er nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Duration trend</source>
        <translation>Dauer-Trend</translation>
    </message>
</context>
<context>
    <name>punctual::JobStatisticsView</name>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Durations over time</source>
        <translation>Dauer im Zeitverlauf</translation>
    </message>
    <message>
        <source>Select a job to see its statistics.</source>
        <translation>Wählen Sie einen Auftrag, um seine Statistik zu sehen.</translation>
    </message>
    <message>
        <source>Start (local time)</source>
        <translation>Start (Ortszeit)</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Dauer (s)</translation>
    </message>
</context>
<context>
    <name>punctual::JobTransfer</name>
    <message>
        <source>&amp;Import jobs…</source>
        <translation>Aufträge &amp;importieren…</translation>
    </message>
    <message>
        <source>Add the jobs of a job file (JSON) or of a crontab</source>
        <translation>Die Aufträge einer Auftragsdatei (JSON) oder einer Crontab hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Export all jobs…</source>
        <translation>Alle Aufträge &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;selected jobs…</source>
        <translation>&amp;Ausgewählte Aufträge exportieren…</translation>
    </message>
    <message>
        <source>No examples installed</source>
        <translation>Keine Beispiele installiert</translation>
    </message>
    <message>
        <source>Job files (*.json)</source>
        <translation>Auftragsdateien (*.json)</translation>
    </message>
    <message>
        <source>Crontab files (*)</source>
        <translation>Crontab-Dateien (*)</translation>
    </message>
    <message>
        <source>Import jobs</source>
        <translation>Aufträge importieren</translation>
    </message>
    <message>
        <source>Export jobs</source>
        <translation>Aufträge exportieren</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>%1 kann nicht importiert werden</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) imported</source>
        <translation>
            <numerusform>%n Auftrag importiert</numerusform>
            <numerusform>%n Aufträge importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot export the jobs</source>
        <translation>Die Aufträge können nicht exportiert werden</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) exported to %1</source>
        <translation>
            <numerusform>%n Auftrag nach %1 exportiert</numerusform>
            <numerusform>%n Aufträge nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Import e&amp;xample</source>
        <comment>File menu</comment>
        <translation>Bei&amp;spiel importieren</translation>
    </message>
</context>
<context>
    <name>punctual::MainWindow</name>
    <message>
        <source>Punctual</source>
        <translation>Punctual</translation>
    </message>
    <message>
        <source>Cannot list the jobs</source>
        <translation>Die Aufträge können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Store error: %1</source>
        <translation>Speicherfehler: %1</translation>
    </message>
    <message>
        <source>&amp;Add job…</source>
        <translation>Auftrag &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a job</source>
        <translation>Einen Auftrag hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected job</source>
        <translation>Den ausgewählten Auftrag bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>Run the selected jobs now, outside their schedule</source>
        <translation>Die ausgewählten Aufträge jetzt ausführen, außerhalb ihres Zeitplans</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Pause the selected jobs (Ctrl+P)</source>
        <translation>Die ausgewählten Aufträge anhalten (Strg+P)</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Resume the selected jobs (Ctrl+P)</source>
        <translation>Die ausgewählten Aufträge fortsetzen (Strg+P)</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>Anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>Pause the selected jobs, or resume them when all are paused</source>
        <translation>Die ausgewählten Aufträge anhalten, oder fortsetzen, wenn alle angehalten sind</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected jobs and their history</source>
        <translation>Die ausgewählten Aufträge und ihren Verlauf löschen</translation>
    </message>
    <message>
        <source>Delete every job</source>
        <translation>Alle Aufträge löschen</translation>
    </message>
    <message>
        <source>Pause &amp;scheduler</source>
        <translation>&amp;Planer anhalten</translation>
    </message>
    <message>
        <source>Start no runs until resumed (runs due meanwhile follow the misfire rules)</source>
        <translation>Keine Läufe starten, bis er fortgesetzt wird (in der Zwischenzeit fällige Läufe folgen den Regeln für verpasste Läufe)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Read the job list from the store again</source>
        <translation>Die Auftragsliste erneut aus dem Speicher lesen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search jobs</source>
        <translation>Aufträge durchsuchen</translation>
    </message>
    <message>
        <source>Change Punctual&apos;s settings</source>
        <translation>Die Einstellungen von Punctual ändern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit Punctual</source>
        <translation>Punctual beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>&amp;Auftrag</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Punctual</source>
        <translation>&amp;Über Punctual</translation>
    </message>
    <message>
        <source>About Punctual</source>
        <translation>Über Punctual</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Search jobs…</source>
        <translation>Aufträge durchsuchen…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Add job…</source>
        <translation>Auftrag hinzufügen…</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>Scheduler running</source>
        <translation>Planer läuft</translation>
    </message>
    <message>
        <source>Scheduler paused</source>
        <translation>Planer angehalten</translation>
    </message>
    <message>
        <source>Scheduler stopping</source>
        <translation>Planer wird beendet</translation>
    </message>
    <message>
        <source>Scheduler stopped</source>
        <translation>Planer beendet</translation>
    </message>
    <message>
        <source>Loading jobs…</source>
        <translation>Aufträge werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot edit the job</source>
        <translation>Der Auftrag kann nicht bearbeitet werden</translation>
    </message>
    <message>
        <source>Cannot run the job</source>
        <translation>Der Auftrag kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Cannot pause the job</source>
        <translation>Der Auftrag kann nicht angehalten werden</translation>
    </message>
    <message>
        <source>Cannot resume the job</source>
        <translation>Der Auftrag kann nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>Delete jobs</source>
        <translation>Aufträge löschen</translation>
    </message>
    <message>
        <source>Cannot delete the job</source>
        <translation>Der Auftrag kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Delete all jobs</source>
        <translation>Alle Aufträge löschen</translation>
    </message>
    <message>
        <source>Cannot delete the jobs</source>
        <translation>Die Aufträge können nicht gelöscht werden</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No jobs yet&lt;/h2&gt;&lt;p&gt;Add a job to run a command, SQL statements or web requests on a schedule, or start from an example.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch keine Aufträge&lt;/h2&gt;&lt;p&gt;Legen Sie einen Auftrag an, der nach Zeitplan einen Befehl, SQL-Anweisungen oder Web-Anfragen ausführt, oder beginnen Sie mit einem Beispiel.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import an example</source>
        <translation>Beispiel importieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Punctual %1&lt;/b&gt;&lt;p&gt;Runs your jobs on time: date, interval, cron and calendar schedules, kept in a job store that survives restarts.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Punctual %1&lt;/b&gt;&lt;p&gt;Führt Ihre Aufträge pünktlich aus: Datums-, Intervall-, Cron- und Kalender-Zeitpläne, aufbewahrt in einem Auftragsspeicher, der Neustarts übersteht.&lt;/p&gt;&lt;p&gt;Freie Software unter der MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Wiederholung</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to retry</source>
        <translation>
            <numerusform>%n wartet auf Wiederholung</numerusform>
            <numerusform>%n warten auf Wiederholung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are running or waiting to retry and will be stopped.</source>
        <translation>
            <numerusform>%n davon läuft oder wartet auf eine Wiederholung und wird angehalten.</numerusform>
            <numerusform>%n davon laufen oder warten auf eine Wiederholung und werden angehalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop and delete</source>
        <translation>Anhalten und löschen</translation>
    </message>
    <message>
        <source>Lost the connection to the Punctual scheduler; reconnecting…</source>
        <translation>Verbindung zum Punctual-Planer verloren; verbinde erneut…</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Be&amp;enden</translation>
    </message>
    <message>
        <source>Stop the selected jobs&apos; runs going now</source>
        <translation>Die laufenden Läufe der ausgewählten Aufträge beenden</translation>
    </message>
    <message>
        <source>S&amp;top scheduler…</source>
        <translation>Planer be&amp;enden…</translation>
    </message>
    <message>
        <source>Stop the Punctual scheduler: no job runs until it is started again</source>
        <translation>Den Punctual-Planer beenden: kein Auftrag läuft, bis er wieder gestartet wird</translation>
    </message>
    <message>
        <source>Stop the Punctual scheduler? No job runs until it is started again (opening this window starts it). Runs going now may finish.</source>
        <translation>Den Punctual-Planer beenden? Kein Auftrag läuft, bis er wieder gestartet wird (das Öffnen dieses Fensters startet ihn). Laufende Läufe dürfen zu Ende laufen.</translation>
    </message>
    <message>
        <source>Stop scheduler</source>
        <translation>Planer beenden</translation>
    </message>
    <message>
        <source>St&amp;art scheduler</source>
        <translation>Planer s&amp;tarten</translation>
    </message>
    <message>
        <source>Start the Punctual scheduler, which runs the jobs</source>
        <translation>Den Punctual-Planer starten, der die Aufträge ausführt</translation>
    </message>
    <message>
        <source>&amp;Scheduler</source>
        <translation>&amp;Planer</translation>
    </message>
    <message>
        <source>&amp;Instances…</source>
        <translation>&amp;Instanzen…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Not connected to the scheduler</source>
        <translation>Nicht mit dem Planer verbunden</translation>
    </message>
    <message>
        <source>Managing shared jobs (they run on other computers)</source>
        <translation>Verwaltet gemeinsame Aufträge (sie laufen auf anderen Computern)</translation>
    </message>
    <message>
        <source>Cannot stop the job</source>
        <translation>Der Auftrag kann nicht beendet werden</translation>
    </message>
    <message>
        <source>Cannot pause the scheduler</source>
        <translation>Der Planer kann nicht angehalten werden</translation>
    </message>
    <message>
        <source>Job store available again (was unavailable for %1)</source>
        <translation>Auftragsspeicher wieder verfügbar (war %1 lang nicht verfügbar)</translation>
    </message>
    <message>
        <source>Store unavailable since %1</source>
        <translation>Speicher nicht verfügbar seit %1</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <source>Why this run ran, or did not run</source>
        <translation>Warum dieser Lauf lief oder nicht lief</translation>
    </message>
    <message>
        <source>Pause with note</source>
        <translation>Mit Notiz anhalten</translation>
    </message>
    <message>
        <source>Why are the jobs paused? The note is shown in the job list and the tray until they are resumed.</source>
        <translation>Warum werden die Aufträge angehalten? Die Notiz steht in der Auftragsliste und im Infobereich, bis sie fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Pause with &amp;note…</source>
        <translation>Mit &amp;Notiz anhalten …</translation>
    </message>
    <message>
        <source>Pause the selected jobs and say why (a paused job takes the new note)</source>
        <translation>Die gewählten Aufträge anhalten und den Grund nennen (ein angehaltener Auftrag erhält die neue Notiz)</translation>
    </message>
    <message>
        <source>&amp;Backfill…</source>
        <translation>Na&amp;chholen…</translation>
    </message>
    <message>
        <source>Run the selected job for the fire times of a past range</source>
        <translation>Den ausgewählten Auftrag für die Auslösezeiten eines vergangenen Bereichs ausführen</translation>
    </message>
    <message>
        <source>Cannot backfill the job</source>
        <translation>Der Auftrag kann nicht nachgeholt werden</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) backfilled</source>
        <translation>
            <numerusform>%n Lauf nachgeholt</numerusform>
            <numerusform>%n Läufe nachgeholt</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Calendars…</source>
        <translation>&amp;Kalender…</translation>
    </message>
    <message>
        <source>On events</source>
        <translation>Bei Ereignissen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Einstellun&amp;gen…</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Bring back the jobs deleted last, with their run history (for 10 minutes)</source>
        <translation>Die zuletzt gelöschten Aufträge samt Laufverlauf zurückholen (10 Minuten lang)</translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation>Benutzer&amp;handbuch</translation>
    </message>
    <message>
        <source>Open the user manual</source>
        <translation>Das Benutzerhandbuch öffnen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Show jobs by state</source>
        <translation>Aufträge nach Zustand zeigen</translation>
    </message>
    <message>
        <source>Show only the jobs in this state</source>
        <translation>Nur die Aufträge in diesem Zustand zeigen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved “%1”</source>
        <translation>„%1“ gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Starting %n jobs…</source>
        <translation>
            <numerusform>%n Auftrag wird gestartet…</numerusform>
            <numerusform>%n Aufträge werden gestartet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Started “%1”</source>
        <translation>„%1“ gestartet</translation>
    </message>
    <message numerus="yes">
        <source>Started %n jobs</source>
        <translation>
            <numerusform>%n Auftrag gestartet</numerusform>
            <numerusform>%n Aufträge gestartet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pausing %n jobs…</source>
        <translation>
            <numerusform>%n Auftrag wird angehalten…</numerusform>
            <numerusform>%n Aufträge werden angehalten…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resuming %n jobs…</source>
        <translation>
            <numerusform>%n Auftrag wird fortgesetzt…</numerusform>
            <numerusform>%n Aufträge werden fortgesetzt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n jobs…</source>
        <translation>
            <numerusform>%n Auftrag wird gelöscht…</numerusform>
            <numerusform>%n Aufträge werden gelöscht…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n jobs and their whole run history? This cannot be undone.</source>
        <translation>
            <numerusform>Den %n Auftrag samt seinem ganzen Laufverlauf löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Alle %n Aufträge samt ihrem ganzen Laufverlauf löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n jobs</source>
        <translation>
            <numerusform>Den %n Auftrag löschen</numerusform>
            <numerusform>Alle %n Aufträge löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to undo: a delete can be undone for 10 minutes</source>
        <translation>Nichts rückgängig zu machen: Löschen lässt sich 10 Minuten lang rückgängig machen</translation>
    </message>
    <message>
        <source>Cannot undo the delete</source>
        <translation>Das Löschen kann nicht rückgängig gemacht werden</translation>
    </message>
    <message>
        <source>&amp;Undo delete of “%1”</source>
        <translation>Löschen von „%1“ &amp;rückgängig machen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo delete of %n jobs</source>
        <translation>
            <numerusform>Löschen von %n Auftrag &amp;rückgängig machen</numerusform>
            <numerusform>Löschen von %n Aufträgen &amp;rückgängig machen</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete a&amp;ll…</source>
        <translation>Alle lö&amp;schen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <comment>menu bar</comment>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>Spa&amp;lten</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>Show the jobs&apos; runs and coming fire times on a timeline instead of the table</source>
        <translation>Die Läufe und kommenden Ausführungszeiten der Aufträge auf einer Zeitleiste statt in der Tabelle zeigen</translation>
    </message>
</context>
<context>
    <name>punctual::ManualWindow</name>
    <message>
        <source>Punctual User Manual</source>
        <translation>Punctual-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The manual is missing from this build.</source>
        <translation>Das Handbuch fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Find in the manual</source>
        <translation>Im Handbuch suchen</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Find the next match</source>
        <translation>Den nächsten Treffer suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Find the previous match</source>
        <translation>Den vorigen Treffer suchen</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Wrapped around</source>
        <translation>Von vorn begonnen</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>punctual::MissedRunsBanner</name>
    <message>
        <source>Missed runs</source>
        <translation>Verpasste Läufe</translation>
    </message>
    <message>
        <source>Review missed runs</source>
        <translation>Verpasste Läufe überprüfen</translation>
    </message>
    <message>
        <source>See per job which runs were missed and what its policy did about them</source>
        <translation>Je Auftrag sehen, welche Läufe verpasst wurden und was seine Regeln damit gemacht haben</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Dismiss the missed runs</source>
        <translation>Die verpassten Läufe verwerfen</translation>
    </message>
    <message>
        <source>Hide this message for all jobs; the run history keeps what happened</source>
        <translation>Diese Meldung für alle Aufträge ausblenden; der Verlauf behält, was geschehen ist</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Überprüfen…</translation>
    </message>
</context>
<context>
    <name>punctual::MissedRunsDialog</name>
    <message>
        <source>Dismiss &amp;all</source>
        <translation>&amp;Alle verwerfen</translation>
    </message>
    <message>
        <source>Missed runs</source>
        <translation>Verpasste Läufe</translation>
    </message>
    <message>
        <source>Missed runs by job</source>
        <translation>Verpasste Läufe je Auftrag</translation>
    </message>
    <message>
        <source>Dismiss all missed runs</source>
        <translation>Alle verpassten Läufe verwerfen</translation>
    </message>
    <message>
        <source>Hide the review for every job; the run history keeps what happened</source>
        <translation>Die Überprüfung für jeden Auftrag ausblenden; der Verlauf behält, was geschehen ist</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No missed runs to review.</source>
        <translation>Keine verpassten Läufe zu überprüfen.</translation>
    </message>
    <message>
        <source>What each job&apos;s policy did about them:</source>
        <translation>Was die Regeln jedes Auftrags damit gemacht haben:</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Run “%1” now</source>
        <translation>„%1“ jetzt ausführen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Dismiss “%1”</source>
        <translation>„%1“ verwerfen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Started at %1</source>
        <translation>Um %1 gestartet</translation>
    </message>
</context>
<context>
    <name>punctual::NoMatchState</name>
    <message>
        <source>&amp;Clear search</source>
        <translation>Suche &amp;leeren</translation>
    </message>
    <message>
        <source>Clear the search and the state filter</source>
        <translation>Suche und Zustandsfilter leeren</translation>
    </message>
    <message>
        <source>No “%1” jobs match “%2”</source>
        <translation>Keine Aufträge im Zustand „%1“ passen zu „%2“</translation>
    </message>
    <message>
        <source>No jobs match “%1”</source>
        <translation>Keine Aufträge passen zu „%1“</translation>
    </message>
    <message>
        <source>No jobs are “%1”</source>
        <translation>Keine Aufträge im Zustand „%1“</translation>
    </message>
</context>
<context>
    <name>punctual::OptionsEditor</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>run it if late by at most</source>
        <translation>nachholen bei Verspätung bis</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>run only once</source>
        <translation>nur einmal ausführen</translation>
    </message>
    <message>
        <source>at a time</source>
        <translation>gleichzeitig</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>bis zu</translation>
    </message>
    <message>
        <source>times,</source>
        <translation>Mal wiederholen, mit</translation>
    </message>
    <message>
        <source>apart</source>
        <translation>Pause dazwischen</translation>
    </message>
    <message>
        <source>Missed while off or asleep:</source>
        <translation>Verpasst (aus oder Ruhezustand):</translation>
    </message>
    <message>
        <source>Several runs missed:</source>
        <translation>Mehrere Läufe verpasst:</translation>
    </message>
    <message>
        <source>Stop a run after:</source>
        <translation>Lauf anhalten nach:</translation>
    </message>
    <message>
        <source>If it fails:</source>
        <translation>Wenn er fehlschlägt:</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>no, the same each time</source>
        <translation>nein, jedes Mal gleich</translation>
    </message>
    <message>
        <source>the wait each time, up to</source>
        <translation>die Wartezeit jedes Mal, bis zu</translation>
    </message>
    <message>
        <source>Wait longer each retry?</source>
        <translation>Bei jeder Wiederholung länger warten?</translation>
    </message>
    <message>
        <source>If the previous run is still going</source>
        <translation>Wenn der vorige Lauf noch läuft</translation>
    </message>
    <message>
        <source>Skip the new run</source>
        <translation>Neuen Lauf überspringen</translation>
    </message>
    <message>
        <source>Wait — at most one waiting</source>
        <translation>Warten – höchstens einer wartet</translation>
    </message>
    <message>
        <source>Wait in a queue</source>
        <translation>In einer Warteschlange warten</translation>
    </message>
    <message>
        <source>Stop the running one and start</source>
        <translation>Laufenden beenden und starten</translation>
    </message>
    <message>
        <source>Run both</source>
        <translation>Beide laufen lassen</translation>
    </message>
    <message>
        <source>Runs that may wait in the queue</source>
        <translation>Läufe, die in der Warteschlange warten dürfen</translation>
    </message>
    <message>
        <source>up to </source>
        <translation>bis zu </translation>
    </message>
    <message>
        <source> waiting</source>
        <translation> wartend</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <source>Runs at a time</source>
        <translation>Gleichzeitige Läufe</translation>
    </message>
    <message>
        <source>pause the job after</source>
        <translation>Auftrag anhalten nach</translation>
    </message>
    <message>
        <source>Pause the job after failures in a row</source>
        <translation>Auftrag nach Fehlschlägen in Folge anhalten</translation>
    </message>
    <message>
        <source>Failures in a row before the job is paused</source>
        <translation>Fehlschläge in Folge, bevor der Auftrag angehalten wird</translation>
    </message>
    <message>
        <source>failures in a row</source>
        <translation>Fehlschlägen in Folge</translation>
    </message>
    <message>
        <source>If the previous run is still going:</source>
        <translation>Wenn der vorige Lauf noch läuft:</translation>
    </message>
    <message>
        <source>If it keeps failing:</source>
        <translation>Wenn er immer wieder fehlschlägt:</translation>
    </message>
    <message>
        <source>A run that cannot start on time (the computer was off or asleep, or the scheduler was busy) still runs if it is at most this late; later runs are recorded as missed</source>
        <translation>Ein Lauf, der nicht pünktlich starten kann (der Computer war aus oder im Ruhezustand, oder der Planer war beschäftigt), läuft trotzdem, wenn er höchstens so spät ist; spätere Läufe werden als verpasst vermerkt</translation>
    </message>
    <message>
        <source>Run a late run if late by at most</source>
        <translation>Einen verspäteten Lauf ausführen, wenn er höchstens so spät ist</translation>
    </message>
    <message>
        <source>Run it however late it is</source>
        <translation>Ausführen, egal wie spät</translation>
    </message>
    <message>
        <source>When several runs were missed (after the computer was off or asleep), run the job once for all of them instead of once for each</source>
        <translation>Wurden mehrere Läufe verpasst (weil der Computer aus war oder schlief), den Auftrag einmal für alle ausführen statt einmal für jeden</translation>
    </message>
    <message>
        <source>What a run due while earlier runs are still going does: it is skipped (beyond the runs allowed at a time), waits for them to end (one, or a queue), stops them first, or runs alongside</source>
        <translation>Was ein Lauf tut, der fällig wird, während frühere noch laufen: er wird übersprungen (über die gleichzeitig erlaubten Läufe hinaus), wartet auf ihr Ende (einer oder eine Warteschlange), beendet sie zuerst oder läuft daneben</translation>
    </message>
    <message>
        <source>How many runs may wait; a further one is skipped</source>
        <translation>Wie viele Läufe warten dürfen; ein weiterer wird übersprungen</translation>
    </message>
    <message>
        <source>How many runs of this job may go on at the same time; a run due while that many are still going is skipped and recorded as such</source>
        <translation>Wie viele Läufe dieses Auftrags gleichzeitig laufen dürfen; ein Lauf, der fällig wird, während so viele noch laufen, wird übersprungen und so vermerkt</translation>
    </message>
    <message>
        <source>Pauses the job after this many runs in a row failed (a run and its retries count as one); a notice says so, and the job list shows why</source>
        <translation>Pausiert den Auftrag, nachdem so viele Läufe hintereinander fehlgeschlagen sind (ein Lauf mit seinen Wiederholungen zählt als einer); eine Mitteilung sagt es, und die Auftragsliste zeigt den Grund</translation>
    </message>
    <message>
        <source>Stop a run after</source>
        <translation>Einen Lauf beenden nach</translation>
    </message>
    <message>
        <source>Stops a run that takes longer than this many seconds and records it as timed out; &quot;never&quot; (0) lets it run as long as it takes</source>
        <translation>Beendet einen Lauf, der länger als so viele Sekunden dauert, und vermerkt ihn als Zeitüberschreitung; „nie“ (0) lässt ihn so lange laufen, wie er braucht</translation>
    </message>
    <message>
        <source>A failed run is tried again this many times, waiting between attempts</source>
        <translation>Ein fehlgeschlagener Lauf wird so oft erneut versucht, mit einer Wartezeit zwischen den Versuchen</translation>
    </message>
    <message>
        <source>Retries after a failure</source>
        <translation>Wiederholungen nach einem Fehlschlag</translation>
    </message>
    <message>
        <source>How many times a failed run is tried again</source>
        <translation>Wie oft ein fehlgeschlagener Lauf erneut versucht wird</translation>
    </message>
    <message>
        <source>Wait between retries</source>
        <translation>Wartezeit zwischen Wiederholungen</translation>
    </message>
    <message>
        <source>How long to wait before trying a failed run again</source>
        <translation>Wie lange gewartet wird, bevor ein fehlgeschlagener Lauf erneut versucht wird</translation>
    </message>
    <message>
        <source>Each wait between retries is this many times the one before, up to the longest wait: 1 keeps the same wait, 2 doubles it</source>
        <translation>Jede Wartezeit zwischen Wiederholungen ist so viel Mal die vorige, bis zur längsten Wartezeit: 1 behält sie bei, 2 verdoppelt sie</translation>
    </message>
    <message>
        <source>Growth of the wait between retries</source>
        <translation>Zunahme der Wartezeit zwischen Wiederholungen</translation>
    </message>
    <message>
        <source>How many times longer each wait is than the one before; 1 keeps the same wait</source>
        <translation>Wie viel Mal länger jede Wartezeit als die vorige ist; 1 behält sie bei</translation>
    </message>
    <message>
        <source>Longest wait between retries</source>
        <translation>Längste Wartezeit zwischen Wiederholungen</translation>
    </message>
    <message>
        <source>The longest a growing wait gets; &quot;no limit&quot; (0) lets it grow</source>
        <translation>Die längste Dauer, die eine wachsende Wartezeit erreicht; „keine Grenze“ (0) lässt sie wachsen</translation>
    </message>
</context>
<context>
    <name>punctual::OutputView</name>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Wrap lines</source>
        <translation>Zeilen umbrechen</translation>
    </message>
    <message>
        <source>Save output…</source>
        <translation>Ausgabe speichern…</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Run output</source>
        <translation>Ausgabe des Laufs</translation>
    </message>
    <message>
        <source>Select a run to see its output</source>
        <translation>Wählen Sie einen Lauf, um seine Ausgabe zu sehen</translation>
    </message>
    <message>
        <source>Break long lines at the pane&apos;s edge</source>
        <translation>Lange Zeilen am Rand des Bereichs umbrechen</translation>
    </message>
    <message>
        <source>Write this output to a file, as the job wrote it</source>
        <translation>Diese Ausgabe in eine Datei schreiben, so wie der Auftrag sie geschrieben hat</translation>
    </message>
    <message>
        <source>Find text in this output (Ctrl+F)</source>
        <translation>Text in dieser Ausgabe suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>In der Ausgabe suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>Suchleiste schließen (Escape)</translation>
    </message>
    <message>
        <source>Binary output, shown as a hex dump.</source>
        <translation>Binäre Ausgabe, als Hex-Dump angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>Bytes that are not text, shown as &lt;XX&gt; in hex: %n</source>
        <translation>
            <numerusform>Ein Byte ist kein Text und wird als &lt;XX&gt; in Hex angezeigt</numerusform>
            <numerusform>%n Bytes sind kein Text und werden als &lt;XX&gt; in Hex angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <source>Match %1 of %n</source>
        <translation>
            <numerusform>Treffer %1 von %n</numerusform>
            <numerusform>Treffer %1 von %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matches: %n</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation>Ausgabe speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>Textdateien (*.txt *.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The output could not be saved to %1: %2</source>
        <translation>Die Ausgabe konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>punctual::PausedBanner</name>
    <message>
        <source>Scheduler paused</source>
        <translation>Planer angehalten</translation>
    </message>
    <message>
        <source>The scheduler is paused: no job starts until you resume it. The next run times below wait.</source>
        <translation>Der Planer ist angehalten: Kein Auftrag startet, bis Sie ihn fortsetzen. Die nächsten Laufzeiten unten warten.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume the scheduler</source>
        <translation>Den Planer fortsetzen</translation>
    </message>
    <message>
        <source>Resume the scheduler: runs due meanwhile follow the misfire rules</source>
        <translation>Den Planer fortsetzen: Inzwischen fällige Läufe folgen den Regeln für verpasste Läufe</translation>
    </message>
</context>
<context>
    <name>punctual::RunExplanationDialog</name>
    <message>
        <source>Asking the scheduler…</source>
        <translation>Frage den Planer…</translation>
    </message>
    <message>
        <source>Why? %1 at %2</source>
        <translation>Warum? %1 um %2</translation>
    </message>
    <message>
        <source>Why the job ran or did not run</source>
        <translation>Warum der Auftrag lief oder nicht lief</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The scheduler could not explain it: %1</source>
        <translation>Der Planer konnte es nicht erklären: %1</translation>
    </message>
</context>
<context>
    <name>punctual::RunHistoryModel</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant für</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>missed by %1</source>
        <translation>um %1 verpasst</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>date and time, then &quot;12 min ago&quot;</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Waiting to start</source>
        <translation>Wartet auf Start</translation>
    </message>
    <message>
        <source>It did not start</source>
        <translation>Er ist nicht gestartet</translation>
    </message>
    <message>
        <source>%1
%2 after its scheduled time</source>
        <comment>date and time, then a duration</comment>
        <translation>%1
%2 nach der geplanten Zeit</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Run by the scheduler instance %1</source>
        <translation>Ausgeführt von der Planer-Instanz %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Missed ×%1</source>
        <translation>Versäumt ×%1</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <comment>run reason</comment>
        <translation>Planmäßig</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <comment>run reason</comment>
        <translation>Nachholung</translation>
    </message>
    <message>
        <source>Run now</source>
        <comment>run reason</comment>
        <translation>Sofort ausführen</translation>
    </message>
    <message>
        <source>Retry</source>
        <comment>run reason</comment>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Chained (after run %1)</source>
        <comment>run reason</comment>
        <translation>Verkettet (nach Lauf %1)</translation>
    </message>
    <message>
        <source>Chained</source>
        <comment>run reason</comment>
        <translation>Verkettet</translation>
    </message>
    <message>
        <source>Backfill</source>
        <comment>run reason</comment>
        <translation>Nachberechnung</translation>
    </message>
    <message>
        <source>%1 run times missed together
%2</source>
        <translation>%1 Laufzeiten zusammen versäumt
%2</translation>
    </message>
    <message>
        <source>Started because run %1 ended</source>
        <translation>Gestartet, weil Lauf %1 endete</translation>
    </message>
    <message>
        <source>At start</source>
        <comment>run reason</comment>
        <translation>Beim Start</translation>
    </message>
    <message>
        <source>After wake-up</source>
        <comment>run reason</comment>
        <translation>Nach dem Aufwachen</translation>
    </message>
    <message>
        <source>Network up</source>
        <comment>run reason</comment>
        <translation>Netzwerk verfügbar</translation>
    </message>
</context>
<context>
    <name>punctual::RunHistoryPane</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation>(keine Ausgabe)</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Verlauf der Läufe</translation>
    </message>
    <message>
        <source>Why the job is paused</source>
        <translation>Warum der Auftrag angehalten ist</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
</context>
<context>
    <name>punctual::Scheduler</name>
    <message>
        <source>the scheduler stopped before this run began</source>
        <translation>der Planer wurde beendet, bevor dieser Lauf begann</translation>
    </message>
    <message>
        <source>no job with id &quot;%1&quot;</source>
        <translation>kein Auftrag mit der ID „%1“</translation>
    </message>
    <message>
        <source>not retried: the job was paused</source>
        <translation>nicht wiederholt: der Auftrag wurde angehalten</translation>
    </message>
    <message>
        <source>stopped: the job was removed</source>
        <translation>angehalten: der Auftrag wurde gelöscht</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already running (max instances %2); nothing started</source>
        <translation>„%1“ läuft bereits (höchstens %2 Instanzen); nichts gestartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is waiting to retry a failed run (max instances %2); nothing started</source>
        <translation>„%1“ wartet darauf, einen fehlgeschlagenen Lauf zu wiederholen (höchstens %2 Instanzen); nichts gestartet</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>vom Benutzer angehalten</translation>
    </message>
    <message>
        <source>the scheduler is shutting down</source>
        <translation>der Planer wird beendet</translation>
    </message>
    <message>
        <source>the job store is unavailable (%1); nothing started: the scheduler reconnects on its own</source>
        <translation>der Auftragsspeicher ist nicht verfügbar (%1); nichts wurde gestartet: der Planer verbindet sich selbst erneut</translation>
    </message>
    <message>
        <source>not run: the job was paused while this run waited in the queue</source>
        <translation>nicht ausgeführt: der Auftrag wurde pausiert, während dieser Lauf in der Warteschlange wartete</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already running and its queue is full (%2 waiting); nothing started</source>
        <translation>„%1“ läuft bereits und seine Warteschlange ist voll (%2 wartend); nichts gestartet</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: %2</source>
        <translation>Auftrag „%1“: %2</translation>
    </message>
    <message>
        <source>the range starts (%1) after it ends (%2)</source>
        <translation>der Bereich beginnt (%1) nach seinem Ende (%2)</translation>
    </message>
    <message>
        <source>a backfill runs past fire times: the range must end by now (%1), not at %2</source>
        <translation>Nachholen führt vergangene Auslösezeiten aus: der Bereich muss spätestens jetzt (%1) enden, nicht um %2</translation>
    </message>
    <message>
        <source>the range holds more than %1 fire times of &quot;%2&quot;; backfill a shorter range</source>
        <translation>der Bereich enthält mehr als %1 Auslösezeiten von „%2“; holen Sie einen kürzeren Bereich nach</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is running; nothing backfilled (wait for it to end, or backfill with --overlap allow to run beside it)</source>
        <translation>„%1“ läuft; nichts nachgeholt (warten Sie, bis er endet, oder holen Sie mit --overlap allow daneben nach)</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: the job to run %2, &quot;%3&quot;, does not exist</source>
        <translation>Auftrag „%1“: der für %2 auszuführende Auftrag „%3“ existiert nicht</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: its chains make a cycle: %2</source>
        <translation>Auftrag „%1“: seine Verkettungen bilden einen Kreis: %2</translation>
    </message>
    <message>
        <source>not run after run %1 of &quot;%2&quot;: the scheduler is %3</source>
        <translation>nicht nach Lauf %1 von „%2“ ausgeführt: der Planer ist %3</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird beendet</translation>
    </message>
    <message>
        <source>not run after run %1 of &quot;%2&quot;: this job is paused</source>
        <translation>nicht nach Lauf %1 von „%2“ ausgeführt: dieser Auftrag ist angehalten</translation>
    </message>
    <message>
        <source>not run after run %1 of &quot;%2&quot;: %3</source>
        <translation>nicht nach Lauf %1 von „%2“ ausgeführt: %3</translation>
    </message>
    <message numerus="yes">
        <source>paused after %n failed runs in a row</source>
        <translation>
            <numerusform>angehalten nach %n fehlgeschlagenen Lauf in Folge</numerusform>
            <numerusform>angehalten nach %n fehlgeschlagenen Läufen in Folge</numerusform>
        </translation>
    </message>
    <message>
        <source>job &quot;%1&quot;: no calendar named &quot;%2&quot; (exclude)</source>
        <translation>Auftrag „%1“: kein Kalender namens „%2“ (exclude)</translation>
    </message>
    <message numerus="yes">
        <source>calendar &quot;%1&quot; is used by %n job(s): %2</source>
        <translation>
            <numerusform>Kalender „%1“ wird von %n Auftrag verwendet: %2</numerusform>
            <numerusform>Kalender „%1“ wird von %n Aufträgen verwendet: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>not run: the job was paused while this run waited for its conditions</source>
        <translation>nicht ausgeführt: der Auftrag wurde angehalten, während dieser Lauf auf seine Bedingungen wartete</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a run waiting for its conditions (max instances %2); nothing started</source>
        <translation>„%1“ hat einen Lauf, der auf seine Bedingungen wartet (höchstens %2 gleichzeitig); nichts gestartet</translation>
    </message>
    <message numerus="yes">
        <source>job &quot;%1&quot; cannot be restored: it was not removed in the last %n minutes</source>
        <translation>
            <numerusform>Auftrag „%1“ kann nicht wiederhergestellt werden: er wurde nicht in der letzten %n Minute entfernt</numerusform>
            <numerusform>Auftrag „%1“ kann nicht wiederhergestellt werden: er wurde nicht in den letzten %n Minuten entfernt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>language (territory)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Tell me in the tray when a run</source>
        <translation>Im Infobereich melden, wenn ein Lauf</translation>
    </message>
    <message>
        <source>&amp;fails</source>
        <translation>&amp;fehlschlägt</translation>
    </message>
    <message>
        <source>is &amp;missed</source>
        <translation>&amp;verpasst wird</translation>
    </message>
    <message>
        <source>&amp;times out</source>
        <translation>die &amp;Zeit überschreitet</translation>
    </message>
    <message>
        <source>A run is missed when it could not start within the job&apos;s misfire grace time, for example while the computer was off or asleep</source>
        <translation>Ein Lauf ist verpasst, wenn er nicht innerhalb der Kulanzzeit des Auftrags starten konnte, etwa weil der Computer aus war oder schlief</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source> runs</source>
        <translation> Läufe</translation>
    </message>
    <message>
        <source>Older runs of a job are deleted from the store once it has more than this</source>
        <translation>Ältere Läufe eines Auftrags werden aus dem Speicher gelöscht, sobald er mehr als so viele hat</translation>
    </message>
    <message>
        <source>&amp;Keep per job the last:</source>
        <translation>Je Auftrag die letzten &amp;behalten:</translation>
    </message>
    <message>
        <source>New jobs start with</source>
        <translation>Neue Aufträge beginnen mit</translation>
    </message>
    <message>
        <source>Cannot change the start at login: %1</source>
        <translation>Der Start bei der Anmeldung kann nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>A new language applies the next time Punctual starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Punctual.</translation>
    </message>
    <message>
        <source>Job store</source>
        <translation>Auftragsspeicher</translation>
    </message>
    <message>
        <source>this computer&apos;s own store (%1)</source>
        <translation>der eigene Speicher dieses Computers (%1)</translation>
    </message>
    <message>
        <source>Empty for this computer&apos;s own SQLite file; a file path for another SQLite store; or postgresql://user@host:port/database to share jobs with other computers (the password comes from PGPASSWORD or ~/.pgpass, never from here)</source>
        <translation>Leer für die eigene SQLite-Datei dieses Computers; ein Dateipfad für einen anderen SQLite-Speicher; oder postgresql://benutzer@host:port/datenbank, um Aufträge mit anderen Computern zu teilen (das Passwort kommt aus PGPASSWORD oder ~/.pgpass, nie von hier)</translation>
    </message>
    <message>
        <source>A new job store is opened the next time Punctual starts; punctualctl uses it too when no --db or --store is given.</source>
        <translation>Ein neuer Auftragsspeicher wird beim nächsten Start von Punctual geöffnet; punctualctl nutzt ihn ebenfalls, wenn kein --db oder --store angegeben ist.</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>Start the Punctual scheduler when I log in</source>
        <translation>Punctual-Planer bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Runs your jobs from login on, without the window: enables the systemd user service punctual.service</source>
        <translation>Führt Ihre Aufträge ab der Anmeldung aus, ohne das Fenster: aktiviert den systemd-Benutzerdienst punctual.service</translation>
    </message>
    <message>
        <source>Runs your jobs from login on, without the window: an autostart entry in ~/.config/autostart starts punctualctl run</source>
        <translation>Führt Ihre Aufträge ab der Anmeldung aus, ohne das Fenster: ein Autostart-Eintrag in ~/.config/autostart startet punctualctl run</translation>
    </message>
    <message>
        <source>Run jobs on this computer</source>
        <translation>Aufträge auf diesem Computer ausführen</translation>
    </message>
    <message>
        <source>On a shared PostgreSQL store: run the shared jobs here too. Off, this computer only shows and changes them; the computers that run them do.</source>
        <translation>Bei einem gemeinsamen PostgreSQL-Speicher: die gemeinsamen Aufträge auch hier ausführen. Aus: dieser Computer zeigt und ändert sie nur; ausgeführt werden sie von den Computern, die das tun.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation>&amp;Erscheinungsbild:</translation>
    </message>
    <message>
        <source>No such file: a new, empty store will be created here</source>
        <translation>Datei nicht vorhanden: hier wird ein neuer, leerer Speicher angelegt</translation>
    </message>
</context>
<context>
    <name>punctual::SqlActionEditor</name>
    <message>
        <source>e.g. app database</source>
        <translation>z. B. App-Datenbank</translation>
    </message>
    <message>
        <source>A name for this connection; the keychain keeps its password under it. Pick a connection other jobs use to fill in its settings.</source>
        <translation>Ein Name für diese Verbindung; der Schlüsselbund bewahrt ihr Passwort darunter auf. Wählen Sie eine Verbindung anderer Aufträge, um ihre Einstellungen zu übernehmen.</translation>
    </message>
    <message>
        <source>SQLite (%1)</source>
        <translation>SQLite (%1)</translation>
    </message>
    <message>
        <source>PostgreSQL (%1)</source>
        <translation>PostgreSQL (%1)</translation>
    </message>
    <message>
        <source>MySQL (%1)</source>
        <translation>MySQL (%1)</translation>
    </message>
    <message>
        <source>MariaDB (%1)</source>
        <translation>MariaDB (%1)</translation>
    </message>
    <message>
        <source>ODBC (%1)</source>
        <translation>ODBC (%1)</translation>
    </message>
    <message>
        <source>The database drivers installed on this computer</source>
        <translation>Die auf diesem Computer installierten Datenbanktreiber</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Choose the SQLite database file</source>
        <translation>SQLite-Datenbankdatei auswählen</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>The password is never stored with the job: it is read from the system keychain or from an environment variable of the scheduler when the job runs</source>
        <translation>Das Passwort wird nie mit dem Auftrag gespeichert: es wird beim Lauf aus dem Schlüsselbund oder aus einer Umgebungsvariablen des Planers gelesen</translation>
    </message>
    <message>
        <source>e.g. APP_DB_PASSWORD</source>
        <translation>z. B. APP_DB_PASSWORD</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>&amp;Passwort festlegen…</translation>
    </message>
    <message>
        <source>Store this connection&apos;s password in the system keychain</source>
        <translation>Das Passwort dieser Verbindung im Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>DELETE FROM tokens WHERE expires_at &lt; :now;</source>
        <translation>DELETE FROM tokens WHERE expires_at &lt; :now;</translation>
    </message>
    <message>
        <source>Statements separated by &apos;;&apos;, run in one transaction: if one fails, none of their changes is kept. :scheduled_time and :now are the run&apos;s scheduled and actual start time (:scheduled_time_ms and :now_ms in milliseconds since 1970).</source>
        <translation>Anweisungen, getrennt durch „;“, laufen in einer Transaktion: schlägt eine fehl, wird keine ihrer Änderungen behalten. :scheduled_time und :now sind die geplante und die tatsächliche Startzeit des Laufs (:scheduled_time_ms und :now_ms in Millisekunden seit 1970).</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>A statement running longer than this is cancelled and the run rolled back</source>
        <translation>Eine Anweisung, die länger läuft, wird abgebrochen und der Lauf zurückgerollt</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Co&amp;nnection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>Dri&amp;ver:</source>
        <translation>&amp;Treiber:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Statements:</source>
        <translation>&amp;Anweisungen:</translation>
    </message>
    <message>
        <source>Statement ti&amp;meout:</source>
        <translation>&amp;Zeitlimit je Anweisung:</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (not installed here)</source>
        <translation>%1 (hier nicht installiert)</translation>
    </message>
    <message>
        <source>Enter the database name</source>
        <translation>Geben Sie den Datenbanknamen ein</translation>
    </message>
    <message>
        <source>Enter at least one SQL statement</source>
        <translation>Geben Sie mindestens eine SQL-Anweisung ein</translation>
    </message>
    <message>
        <source>Statement %1 uses :%2, which is not bound (use :%3)</source>
        <translation>Anweisung %1 verwendet :%2, das nicht gebunden ist (verwenden Sie :%3)</translation>
    </message>
    <message>
        <source>Name the connection first: the keychain keeps the password under its name</source>
        <translation>Benennen Sie zuerst die Verbindung: der Schlüsselbund bewahrt das Passwort unter ihrem Namen auf</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <source>Password of connection &quot;%1&quot;:</source>
        <translation>Passwort der Verbindung „%1“:</translation>
    </message>
    <message>
        <source>This program has no keychain support: use an environment variable for the password</source>
        <translation>Dieses Programm unterstützt keinen Schlüsselbund: verwenden Sie eine Umgebungsvariable für das Passwort</translation>
    </message>
    <message>
        <source>Storing the password in the system keychain…</source>
        <translation>Das Passwort wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; is in the system keychain.</source>
        <translation>Das Passwort von „%1“ liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The password could not be stored: %1
The job can read it from an environment variable of the scheduler instead: enter the variable&apos;s name.</source>
        <translation>Das Passwort konnte nicht gespeichert werden: %1
Der Auftrag kann es stattdessen aus einer Umgebungsvariablen des Planers lesen: geben Sie den Namen der Variablen ein.</translation>
    </message>
    <message>
        <source>Enter the database first</source>
        <translation>Geben Sie zuerst die Datenbank ein</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Choose the SQLite database</source>
        <translation>SQLite-Datenbank auswählen</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Database file:</source>
        <translation>&amp;Datenbankdatei:</translation>
    </message>
    <message>
        <source>e.g. /srv/app/app.db</source>
        <translation>z. B. /srv/app/app.db</translation>
    </message>
    <message>
        <source>e.g. app</source>
        <translation>z. B. app</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>No such file: SQLite will create an empty database</source>
        <translation>Datei nicht vorhanden: SQLite legt eine leere Datenbank an</translation>
    </message>
</context>
<context>
    <name>punctual::SqlExecutor</name>
    <message>
        <source>this executor runs sql actions only</source>
        <translation>dieser Ausführer führt nur SQL-Aktionen aus</translation>
    </message>
    <message>
        <source>stopped before it finished; the transaction was rolled back</source>
        <translation>vor dem Ende angehalten; die Transaktion wurde zurückgerollt</translation>
    </message>
    <message>
        <source>timed out after %1; the transaction was rolled back</source>
        <translation>Zeit nach %1 überschritten; die Transaktion wurde zurückgerollt</translation>
    </message>
</context>
<context>
    <name>punctual::StoreStatusBanner</name>
    <message>
        <source>Job store unavailable</source>
        <translation>Auftragsspeicher nicht verfügbar</translation>
    </message>
    <message>
        <source>Last error of the job store</source>
        <translation>Letzter Fehler des Auftragsspeichers</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Show the whole error</source>
        <translation>Den ganzen Fehler zeigen</translation>
    </message>
    <message>
        <source>The job store has been unavailable since %1 — no jobs run until it is back.</source>
        <translation>Der Auftragsspeicher ist seit %1 nicht verfügbar – bis er wieder da ist, läuft kein Auftrag.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Punctual reconnects on its own (first attempt %1).</source>
        <comment>in 16 s</comment>
        <translation>Punctual stellt die Verbindung selbst wieder her (erster Versuch %1).</translation>
    </message>
    <message numerus="yes">
        <source>Punctual reconnects on its own (%n attempt(s) failed, next %1).</source>
        <comment>in 16 s</comment>
        <translation>
            <numerusform>Punctual stellt die Verbindung selbst wieder her (%n Versuch fehlgeschlagen, nächster %1).</numerusform>
            <numerusform>Punctual stellt die Verbindung selbst wieder her (%n Versuche fehlgeschlagen, nächster %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Punctual is reconnecting now.</source>
        <translation>Punctual stellt die Verbindung gerade wieder her.</translation>
    </message>
    <message numerus="yes">
        <source>Punctual is reconnecting now (%n attempt(s) failed so far).</source>
        <translation>
            <numerusform>Punctual stellt die Verbindung gerade wieder her (bisher %n Versuch fehlgeschlagen).</numerusform>
            <numerusform>Punctual stellt die Verbindung gerade wieder her (bisher %n Versuche fehlgeschlagen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Reconnect to the job store now instead of after the pause</source>
        <translation>Jetzt statt nach der Pause erneut mit dem Auftragsspeicher verbinden</translation>
    </message>
</context>
<context>
    <name>punctual::TimelineScale</name>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 Tage</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
</context>
<context>
    <name>punctual::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Next run %1</source>
        <translation>Nächster Lauf %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>%1: %2, since %3</source>
        <translation>%1: %2, seit %3</translation>
    </message>
    <message>
        <source>%1: %2, %3, took %4</source>
        <translation>%1: %2, %3, dauerte %4</translation>
    </message>
    <message>
        <source>overlaps an earlier run</source>
        <translation>überschneidet sich mit einem früheren Lauf</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Runs shown: %1; coming runs: %2</source>
        <translation>Angezeigte Läufe: %1; kommende Läufe: %2</translation>
    </message>
    <message>
        <source>Scheduled: %1</source>
        <translation>Geplant: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Gestartet: %1</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>Dauerte %1</translation>
    </message>
    <message>
        <source>Running for %1</source>
        <translation>Läuft seit %1</translation>
    </message>
    <message>
        <source>Exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>Stands for %1 run times</source>
        <translation>Steht für %1 Ausführungszeiten</translation>
    </message>
    <message>
        <source>Overlaps an earlier run of the job</source>
        <translation>Überschneidet sich mit einem früheren Lauf des Auftrags</translation>
    </message>
    <message>
        <source>Excluded by the calendar &quot;%1&quot;: runs on this day are skipped</source>
        <translation>Durch den Kalender „%1“ ausgeschlossen: Läufe an diesem Tag entfallen</translation>
    </message>
    <message>
        <source>Clocks go forward by %1 at %2 (%3)</source>
        <translation>Die Uhren werden um %2 um %1 vorgestellt (%3)</translation>
    </message>
    <message>
        <source>Clocks go back by %1 at %2 (%3)</source>
        <translation>Die Uhren werden um %2 um %1 zurückgestellt (%3)</translation>
    </message>
    <message>
        <source>%1 is paused: no runs are coming</source>
        <translation>%1 ist angehalten: es kommen keine Läufe</translation>
    </message>
    <message>
        <source>The scheduler is paused: no runs are coming</source>
        <translation>Der Planer ist angehalten: es kommen keine Läufe</translation>
    </message>
    <message>
        <source>No jobs match</source>
        <translation>Keine passenden Aufträge</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Scheduler paused</source>
        <translation>Planer angehalten</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1 (angehalten)</translation>
    </message>
</context>
<context>
    <name>punctual::TimelineWidget</name>
    <message>
        <source>Time span shown</source>
        <translation>Angezeigte Zeitspanne</translation>
    </message>
    <message>
        <source>How much time the timeline shows across (Ctrl+wheel, + and - zoom too)</source>
        <translation>Wie viel Zeit die Zeitleiste in der Breite zeigt (auch Strg+Mausrad, + und - zoomen)</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Früher</translation>
    </message>
    <message>
        <source>Show earlier times (or drag the timeline to the right)</source>
        <translation>Frühere Zeiten zeigen (oder die Zeitleiste nach rechts ziehen)</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Show the time around now</source>
        <translation>Die Zeit um jetzt zeigen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Show later times (or drag the timeline to the left)</source>
        <translation>Spätere Zeiten zeigen (oder die Zeitleiste nach links ziehen)</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
</context>
<context>
    <name>punctual::TrayController</name>
    <message>
        <source>&amp;Show Punctual</source>
        <translation>Punctual &amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation>&amp;Alle anhalten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Punctual — loading jobs…</source>
        <translation>Punctual – Aufträge werden geladen…</translation>
    </message>
    <message>
        <source>Punctual — no runs scheduled</source>
        <translation>Punctual – keine Läufe geplant</translation>
    </message>
    <message>
        <source>Punctual — next: %1</source>
        <translation>Punctual – als Nächstes: %1</translation>
    </message>
    <message>
        <source>Paused: no job runs until you resume</source>
        <translation>Angehalten: kein Auftrag läuft, bis Sie fortsetzen</translation>
    </message>
    <message>
        <source>No runs scheduled</source>
        <translation>Keine Läufe geplant</translation>
    </message>
    <message>
        <source>Loading jobs…</source>
        <translation>Aufträge werden geladen…</translation>
    </message>
    <message>
        <source>&amp;Resume all</source>
        <translation>Alle &amp;fortsetzen</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>job name, time of day</comment>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>job name, day and time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>“%1” missed its run</source>
        <translation>„%1“ hat seinen Lauf verpasst</translation>
    </message>
    <message>
        <source>The run due %1 was not started: %2</source>
        <translation>Der für %1 fällige Lauf wurde nicht gestartet: %2</translation>
    </message>
    <message>
        <source>“%1” timed out</source>
        <translation>„%1“ hat die Zeit überschritten</translation>
    </message>
    <message>
        <source>The run due %1 was stopped after the job&apos;s timeout.</source>
        <translation>Der für %1 fällige Lauf wurde nach der Zeitgrenze des Auftrags angehalten.</translation>
    </message>
    <message>
        <source>“%1” failed</source>
        <translation>„%1“ ist fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) failed, were missed or timed out</source>
        <translation>
            <numerusform>%n Lauf ist fehlgeschlagen, wurde verpasst oder hat die Zeit überschritten</numerusform>
            <numerusform>%n Läufe sind fehlgeschlagen, wurden verpasst oder haben die Zeit überschritten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to see the run history.</source>
        <translation>Klicken, um den Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Punctual is still running</source>
        <translation>Punctual läuft weiter</translation>
    </message>
    <message>
        <source>Your jobs keep running on schedule. Click the icon to open the window; choose Quit in its menu to stop Punctual.</source>
        <translation>Ihre Aufträge laufen weiter nach Zeitplan. Klicken Sie auf das Symbol, um das Fenster zu öffnen; wählen Sie „Beenden“ in seinem Menü, um Punctual zu beenden.</translation>
    </message>
    <message>
        <source>Punctual — job store unavailable since %1</source>
        <translation>Punctual — Auftragsspeicher nicht verfügbar seit %1</translation>
    </message>
    <message>
        <source>Punctual — job store unavailable since %1 (%2)</source>
        <translation>Punctual — Auftragsspeicher nicht verfügbar seit %1 (%2)</translation>
    </message>
    <message>
        <source>No job runs until it is back; Punctual reconnects on its own</source>
        <translation>Bis er wieder da ist, läuft kein Auftrag; Punctual stellt die Verbindung selbst wieder her</translation>
    </message>
    <message>
        <source>%1 — paused: %2</source>
        <comment>job name, the note given when it was paused</comment>
        <translation>%1 – angehalten: %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more paused with a note</source>
        <translation>
            <numerusform>und %n weiterer mit Notiz angehalten</numerusform>
            <numerusform>und %n weitere mit Notiz angehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last run of %n jobs failed</source>
        <translation>
            <numerusform>Der letzte Lauf von %n Auftrag ist fehlgeschlagen</numerusform>
            <numerusform>Der letzte Lauf von %n Aufträgen ist fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs waiting for their conditions (power, network, idle)</source>
        <translation>
            <numerusform>%n Auftrag wartet auf seine Bedingungen (Strom, Netzwerk, Leerlauf)</numerusform>
            <numerusform>%n Aufträge warten auf ihre Bedingungen (Strom, Netzwerk, Leerlauf)</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduler paused</source>
        <translation>Planer angehalten</translation>
    </message>
</context>
<context>
    <name>punctual::TriggerEditor</name>
    <message>
        <source>&amp;Cron</source>
        <translation>&amp;Cron</translation>
    </message>
    <message>
        <source>E&amp;very</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <source>&amp;Once at</source>
        <translation>&amp;Einmalig am</translation>
    </message>
    <message>
        <source>C&amp;alendar</source>
        <translation>&amp;Kalender</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Random dela&amp;y:</source>
        <translation>Zufällige &amp;Verzögerung:</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>Nächste Läufe:</translation>
    </message>
    <message>
        <source>minute hour day month weekday, e.g. 55 * * * *</source>
        <translation>Minute Stunde Tag Monat Wochentag, z. B. 55 * * * *</translation>
    </message>
    <message>
        <source>E&amp;xpression:</source>
        <translation>A&amp;usdruck:</translation>
    </message>
    <message>
        <source>e.g. 15m, 1h30m, 2d</source>
        <translation>z. B. 15m, 1h30m, 2d</translation>
    </message>
    <message>
        <source>How much time passes between runs: 90s, 15m, 2h, 1d, 1w, sums such as 1h30m, or ISO-8601 (PT15M). Elapsed time: daylight saving changes do not move it.</source>
        <translation>Wie viel Zeit zwischen den Läufen vergeht: 90s, 15m, 2h, 1d, 1w, Summen wie 1h30m oder ISO 8601 (PT15M). Verstrichene Zeit: Sommerzeitwechsel verschieben sie nicht.</translation>
    </message>
    <message>
        <source>In&amp;terval:</source>
        <translation>In&amp;tervall:</translation>
    </message>
    <message>
        <source>Date and &amp;time:</source>
        <translation>Datum und &amp;Uhrzeit:</translation>
    </message>
    <message>
        <source>e.g. every 2 weeks at 09:30</source>
        <translation>z. B. every 2 weeks at 09:30</translation>
    </message>
    <message>
        <source>Sc&amp;hedule:</source>
        <translation>&amp;Zeitplan:</translation>
    </message>
    <message>
        <source>Choose a time zone</source>
        <translation>Zeitzone auswählen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone</source>
        <translation>„%1“ ist keine bekannte Zeitzone</translation>
    </message>
    <message>
        <source>This time has already passed</source>
        <translation>Diese Zeit ist bereits vorbei</translation>
    </message>
    <message>
        <source>This schedule never runs after now</source>
        <translation>Dieser Zeitplan läuft ab jetzt nie mehr</translation>
    </message>
    <message>
        <source>Enter a cron expression, e.g. 55 * * * * for minute 55 of every hour</source>
        <translation>Geben Sie einen Cron-Ausdruck ein, z. B. 55 * * * * für Minute 55 jeder Stunde</translation>
    </message>
    <message>
        <source>Enter how often to run, e.g. 15m or 1h30m</source>
        <translation>Geben Sie ein, wie oft er laufen soll, z. B. 15m oder 1h30m</translation>
    </message>
    <message>
        <source>First run: %1</source>
        <translation>Erster Lauf: %1</translation>
    </message>
    <message>
        <source>Enter a schedule, e.g. every 2 weeks at 09:30</source>
        <translation>Geben Sie einen Zeitplan ein, z. B. every 2 weeks at 09:30</translation>
    </message>
    <message>
        <source>%1 in this computer&apos;s time zone</source>
        <translation>%1 in der Zeitzone dieses Computers</translation>
    </message>
    <message>
        <source>No more runs</source>
        <translation>Keine weiteren Läufe</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>QDate format of a date this year: Sat 5 Dec</comment>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>QDate format of a date in another year: Sat 5 Dec 2027</comment>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a fire time struck through, and the calendar that excludes it</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>No schedul&amp;e</source>
        <translation>K&amp;ein Zeitplan</translation>
    </message>
    <message>
        <source>Runs only on the events checked under “Also run”</source>
        <translation>Läuft nur bei den unter „Außerdem ausführen“ angekreuzten Ereignissen</translation>
    </message>
    <message>
        <source>What the next daylight saving change does to the times of this schedule</source>
        <translation>Was die nächste Zeitumstellung mit den Zeiten dieses Zeitplans macht</translation>
    </message>
    <message>
        <source>DST: as cron does</source>
        <translation>Zeitumstellung: wie cron</translation>
    </message>
    <message>
        <source>DST: skip missing times</source>
        <translation>Zeitumstellung: fehlende Zeiten überspringen</translation>
    </message>
    <message>
        <source>DST: repeated times twice</source>
        <translation>Zeitumstellung: doppelte Zeiten zweimal</translation>
    </message>
    <message>
        <source>Daylight saving changes</source>
        <translation>Zeitumstellungen</translation>
    </message>
    <message>
        <source>The job has no schedule: it runs only on the events checked under “Also run”.</source>
        <translation>Der Auftrag hat keinen Zeitplan: Er läuft nur bei den unter „Außerdem ausführen“ angekreuzten Ereignissen.</translation>
    </message>
    <message>
        <source>No schedule: check at least one event under “Also run”</source>
        <translation>Kein Zeitplan: Kreuzen Sie unter „Außerdem ausführen“ mindestens ein Ereignis an</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>QDate format: 29 Mar</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>DST: %1 does not exist on %2: skipped</source>
        <translation>Zeitumstellung: %1 gibt es am %2 nicht: übersprungen</translation>
    </message>
    <message>
        <source>DST: %1 does not exist on %2: runs at %3</source>
        <translation>Zeitumstellung: %1 gibt es am %2 nicht: läuft um %3</translation>
    </message>
    <message>
        <source>DST: %1 happens twice on %2: runs once</source>
        <translation>Zeitumstellung: %1 kommt am %2 zweimal vor: läuft einmal</translation>
    </message>
    <message>
        <source>DST: %1 happens twice on %2: runs twice</source>
        <translation>Zeitumstellung: %1 kommt am %2 zweimal vor: läuft zweimal</translation>
    </message>
    <message>
        <source>Only on events</source>
        <translation>Nur bei Ereignissen</translation>
    </message>
    <message>
        <source>Runs at the times a cron expression matches</source>
        <translation>Läuft zu den Zeiten, die ein Cron-Ausdruck trifft</translation>
    </message>
    <message>
        <source>Runs again after a fixed span of elapsed time</source>
        <translation>Läuft nach einer festen verstrichenen Zeitspanne erneut</translation>
    </message>
    <message>
        <source>Runs once, at one date and time</source>
        <translation>Läuft einmal, zu einem Datum und einer Uhrzeit</translation>
    </message>
    <message>
        <source>Runs every N days, weeks, months or years at a time of day, keeping the wall clock time across daylight saving changes</source>
        <translation>Läuft alle N Tage, Wochen, Monate oder Jahre zu einer Uhrzeit und behält die Uhrzeit über Sommerzeitwechsel hinweg bei</translation>
    </message>
    <message>
        <source>Delays each run by a random time up to this many seconds, so that many jobs due at the same moment spread out</source>
        <translation>Verzögert jeden Lauf um eine zufällige Zeit bis zu so vielen Sekunden, damit sich viele gleichzeitig fällige Aufträge verteilen</translation>
    </message>
    <message>
        <source>The next runs from now, in the job&apos;s time zone (without the random delay); where that is not this computer&apos;s zone, the time here follows</source>
        <translation>Die nächsten Läufe ab jetzt, in der Zeitzone des Auftrags (ohne die zufällige Verzögerung); ist das nicht die Zeitzone dieses Computers, folgt die Zeit hier</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Nächste Läufe</translation>
    </message>
    <message>
        <source>Five fields: minute hour day-of-month month day-of-week, or six with seconds first. Each field is *, N, A-B, */S or a comma list. Also @hourly, @daily, @weekly, @monthly, @yearly; L, W and # in the day fields.</source>
        <translation>Fünf Felder: Minute Stunde Monatstag Monat Wochentag, oder sechs mit Sekunden zuerst. Jedes Feld ist *, N, A-B, */S oder eine Liste mit Kommas. Auch @hourly, @daily, @weekly, @monthly, @yearly; L, W und # in den Tagesfeldern.</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron-Ausdruck</translation>
    </message>
    <message>
        <source>When the clocks change for daylight saving time. As cron does: a time that does not exist runs when the clocks have jumped (unless the minute or hour is *), a repeated time runs once (twice when the minute or hour is *). Skip missing times: a time that does not exist does not run that day, a repeated time runs once. Repeated times twice: a repeated time runs in both passes.</source>
        <translation>Wenn die Uhren für die Sommerzeit umgestellt werden. Wie cron: eine Zeit, die es nicht gibt, läuft, wenn die Uhren gesprungen sind (außer Minute oder Stunde ist *), eine wiederholte Zeit läuft einmal (zweimal, wenn Minute oder Stunde * ist). Fehlende Zeiten überspringen: eine Zeit, die es nicht gibt, läuft an dem Tag nicht, eine wiederholte Zeit läuft einmal. Wiederholte Zeiten zweimal: eine wiederholte Zeit läuft in beiden Durchgängen.</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>&amp;First run at:</source>
        <translation>&amp;Erster Lauf um:</translation>
    </message>
    <message>
        <source>Off: the first run is one interval after the job is saved</source>
        <translation>Aus: der erste Lauf ist ein Intervall nach dem Speichern des Auftrags</translation>
    </message>
    <message>
        <source>First run</source>
        <translation>Erster Lauf</translation>
    </message>
    <message>
        <source>The date and time of the first run, in the time zone below</source>
        <translation>Datum und Uhrzeit des ersten Laufs, in der Zeitzone darunter</translation>
    </message>
    <message>
        <source>The date and time of the one run, in the time zone below</source>
        <translation>Datum und Uhrzeit des einen Laufs, in der Zeitzone darunter</translation>
    </message>
    <message>
        <source>every N days|weeks|months|years (or daily, weekly, monthly, yearly), then optionally at HH:MM and from YYYY-MM-DD (default: today). A day missing in a month (the 31st) is skipped.</source>
        <translation>every N days|weeks|months|years (oder daily, weekly, monthly, yearly), dann optional at HH:MM und from JJJJ-MM-TT (Standard: heute). Ein Tag, den ein Monat nicht hat (der 31.), wird übersprungen.</translation>
    </message>
    <message>
        <source>Calendar schedule</source>
        <translation>Kalender-Zeitplan</translation>
    </message>
    <message>
        <source>The IANA time zone the times of day belong to and the next runs are shown in</source>
        <translation>Die IANA-Zeitzone, zu der die Uhrzeiten gehören und in der die nächsten Läufe angezeigt werden</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Next runs (%1):</source>
        <comment>the job&apos;s time zone</comment>
        <translation>Nächste Läufe (%1):</translation>
    </message>
    <message>
        <source>%1 · %2 here</source>
        <comment>a run time in the job&apos;s zone, then in this computer&apos;s</comment>
        <translation>%1 · hier %2</translation>
    </message>
</context>
</TS>
