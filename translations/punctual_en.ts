<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Action</name>
    <message numerus="yes">
        <source>SQL on %1: %n statement(s)</source>
        <translation>
            <numerusform>SQL on %1: %n statement</numerusform>
            <numerusform>SQL on %1: %n statements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarTrigger</name>
    <message numerus="yes">
        <source>Every %n days at %1</source>
        <translation>
            <numerusform>Every day at %1</numerusform>
            <numerusform>Every %n days at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n weeks at %1 on %2</source>
        <translation>
            <numerusform>Every week at %1 on %2</numerusform>
            <numerusform>Every %n weeks at %1 on %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n months on day %1 at %2</source>
        <translation>
            <numerusform>Every month on day %1 at %2</numerusform>
            <numerusform>Every %n months on day %1 at %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n years on %1 %2 at %3</source>
        <translation>
            <numerusform>Every year on %1 %2 at %3</numerusform>
            <numerusform>Every %n years on %1 %2 at %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CronDescription</name>
    <message numerus="yes">
        <source>every %n hours</source>
        <translation>
            <numerusform>every hour</numerusform>
            <numerusform>every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minutes</source>
        <translation>
            <numerusform>every minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n seconds</source>
        <translation>
            <numerusform>every second</numerusform>
            <numerusform>every %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days before the last day</source>
        <translation>
            <numerusform>%n day before the last day</numerusform>
            <numerusform>%n days before the last day</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteWording</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs and their run history?</source>
        <translation>
            <numerusform>Delete %n job and its run history?</numerusform>
            <numerusform>Delete %n jobs and their run history?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are running or waiting to retry and will be stopped.</source>
        <translation>
            <numerusform>%n of them is running or waiting to retry and will be stopped.</numerusform>
            <numerusform>%n of them are running or waiting to retry and will be stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs</source>
        <translation>
            <numerusform>Delete %n job</numerusform>
            <numerusform>Delete %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n jobs</source>
        <translation>
            <numerusform>Deleted %n job</numerusform>
            <numerusform>Deleted %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n jobs</source>
        <translation>
            <numerusform>Restored %n job</numerusform>
            <numerusform>Restored %n jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntervalTrigger</name>
    <message numerus="yes">
        <source>Every %n weeks</source>
        <translation>
            <numerusform>Every week</numerusform>
            <numerusform>Every %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n days</source>
        <translation>
            <numerusform>Every day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n hours</source>
        <translation>
            <numerusform>Every hour</numerusform>
            <numerusform>Every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Every minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n seconds</source>
        <translation>
            <numerusform>Every second</numerusform>
            <numerusform>Every %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobFile</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job id(s) already exist: %1</source>
        <translation>
            <numerusform>%n job id already exists: %1</numerusform>
            <numerusform>%n job ids already exist: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobStatistics</name>
    <message numerus="yes">
        <source>Last %n runs: %1 succeeded</source>
        <translation>
            <numerusform>Last %n run: %1 succeeded</numerusform>
            <numerusform>Last %n runs: %1 succeeded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n runs that ended succeeded (%2).</source>
        <translation>
            <numerusform>%1 of %n run that ended succeeded (%2).</numerusform>
            <numerusform>%1 of %n runs that ended succeeded (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MissedRunsReview</name>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep or Punctual was not running</source>
        <translation>
            <numerusform>%n run was missed while the computer was asleep or Punctual was not running</numerusform>
            <numerusform>%n runs were missed while the computer was asleep or Punctual was not running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep</source>
        <translation>
            <numerusform>%n run was missed while the computer was asleep</numerusform>
            <numerusform>%n runs were missed while the computer was asleep</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while Punctual was not running</source>
        <translation>
            <numerusform>%n run was missed while Punctual was not running</numerusform>
            <numerusform>%n runs were missed while Punctual was not running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n jobs)</source>
        <translation>
            <numerusform>%1 (%n job)</numerusform>
            <numerusform>%1 (%n jobs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due %1 and at least %n more</source>
        <translation>
            <numerusform>Due %1 and at least %n more</numerusform>
            <numerusform>Due %1 and at least %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due %1 and %n more</source>
        <translation>
            <numerusform>Due %1 and %n more</numerusform>
            <numerusform>Due %1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more …</source>
        <translation>
            <numerusform>… %n more …</numerusform>
            <numerusform>… %n more …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ran late, from %1</source>
        <translation>
            <numerusform>%n ran late, from %1</numerusform>
            <numerusform>%n ran late, from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folded into one run time (coalesce)</source>
        <translation>
            <numerusform>%n folded into one run time (coalesce)</numerusform>
            <numerusform>%n folded into one run time (coalesce)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run: more than %1 late (misfire grace time)</source>
        <translation>
            <numerusform>%n not run: more than %1 late (misfire grace time)</numerusform>
            <numerusform>%n not run: more than %1 late (misfire grace time)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run: older than the latest %1 run times a catch-up considers</source>
        <translation>
            <numerusform>%n not run: older than the latest %1 run times a catch-up considers</numerusform>
            <numerusform>%n not run: older than the latest %1 run times a catch-up considers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: the job was still running (max instances %1)</source>
        <translation>
            <numerusform>%n skipped: the job was still running (max instances %1)</numerusform>
            <numerusform>%n skipped: the job was still running (max instances %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not run: on days the job&apos;s calendars exclude</source>
        <translation>
            <numerusform>%n not run: on days the job&apos;s calendars exclude</numerusform>
            <numerusform>%n not run: on days the job&apos;s calendars exclude</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs. Click to review what each job did.</source>
        <translation>
            <numerusform>%n job. Click to review what each job did.</numerusform>
            <numerusform>%n jobs. Click to review what each job did.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunExplainer</name>
    <message numerus="yes">
        <source>This row stands for %n run time(s) missed together.</source>
        <translation>
            <numerusform>This row stands for %n run time missed together.</numerusform>
            <numerusform>This row stands for %n run times missed together.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPresentation</name>
    <message numerus="yes">
        <source>%n day</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Scheduler</name>
    <message numerus="yes">
        <source>at least %Ln run time(s) from %1 to %2 were missed while the scheduler was not running</source>
        <translation>
            <numerusform>at least %Ln run time from %1 to %2 was missed while the scheduler was not running</numerusform>
            <numerusform>at least %Ln run times from %1 to %2 were missed while the scheduler was not running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln run time(s) from %1 to %2 were missed while the scheduler was not running</source>
        <translation>
            <numerusform>%Ln run time from %1 to %2 was missed while the scheduler was not running</numerusform>
            <numerusform>%Ln run times from %1 to %2 were missed while the scheduler was not running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped: %n run(s) of this job still going (max instances)</source>
        <translation>
            <numerusform>skipped: %n run of this job still going (max instances)</numerusform>
            <numerusform>skipped: %n runs of this job still going (max instances)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped: the queue is full (%n run(s) waiting, overlap %1)</source>
        <translation>
            <numerusform>skipped: the queue is full (%n run waiting, overlap %1)</numerusform>
            <numerusform>skipped: the queue is full (%n runs waiting, overlap %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SqlExecutor</name>
    <message numerus="yes">
        <source>statement %1: %n row(s) returned (%2 ms)</source>
        <translation>
            <numerusform>statement %1: %n row returned (%2 ms)</numerusform>
            <numerusform>statement %1: %n rows returned (%2 ms)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>statement %1: %n row(s) affected (%2 ms)</source>
        <translation>
            <numerusform>statement %1: %n row affected (%2 ms)</numerusform>
            <numerusform>statement %1: %n rows affected (%2 ms)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::BackfillDialog</name>
    <message numerus="yes">
        <source>%n fire time(s) in the range.</source>
        <translation>
            <numerusform>%n fire time in the range.</numerusform>
            <numerusform>%n fire times in the range.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) backfilled.</source>
        <translation>
            <numerusform>%n run backfilled.</numerusform>
            <numerusform>%n runs backfilled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::CalendarsDialog</name>
    <message numerus="yes">
        <source>%n event(s) with a time of day left out: only all-day events exclude days.</source>
        <translation>
            <numerusform>%n event with a time of day left out: only all-day events exclude days.</numerusform>
            <numerusform>%n events with a time of day left out: only all-day events exclude days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::DesktopNotifier</name>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep or Punctual was not running</source>
        <translation>
            <numerusform>%n run was missed while the computer was asleep or Punctual was not running</numerusform>
            <numerusform>%n runs were missed while the computer was asleep or Punctual was not running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while the computer was asleep</source>
        <translation>
            <numerusform>%n run was missed while the computer was asleep</numerusform>
            <numerusform>%n runs were missed while the computer was asleep</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs were missed while Punctual was not running</source>
        <translation>
            <numerusform>%n run was missed while Punctual was not running</numerusform>
            <numerusform>%n runs were missed while Punctual was not running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs: %1. Open Punctual to review what each job did.</source>
        <translation>
            <numerusform>%n job: %1. Open Punctual to review what each job did.</numerusform>
            <numerusform>%n jobs: %1. Open Punctual to review what each job did.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::ImportDialog</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jobs to import from “%1”: %n</source>
        <translation>
            <numerusform>Jobs to import from “%1”: %n</numerusform>
            <numerusform>Jobs to import from “%1”: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out, as they cannot be imported (%n):</source>
        <translation>
            <numerusform>Left out, as they cannot be imported (%n):</numerusform>
            <numerusform>Left out, as they cannot be imported (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jobs whose id is stored already (%n):</source>
        <translation>
            <numerusform>Jobs whose id is stored already (%n):</numerusform>
            <numerusform>Jobs whose id is stored already (%n):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::InstancesDialog</name>
    <message numerus="yes">
        <source>%n instance(s) alive on this job store.</source>
        <translation>
            <numerusform>%n instance alive on this job store.</numerusform>
            <numerusform>%n instances alive on this job store.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::JobTransfer</name>
    <message numerus="yes">
        <source>%n job(s) imported</source>
        <translation>
            <numerusform>%n job imported</numerusform>
            <numerusform>%n jobs imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) exported to %1</source>
        <translation>
            <numerusform>%n job exported to %1</numerusform>
            <numerusform>%n jobs exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::MainWindow</name>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to retry</source>
        <translation>
            <numerusform>%n waiting to retry</numerusform>
            <numerusform>%n waiting to retry</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) backfilled</source>
        <translation>
            <numerusform>%n run backfilled</numerusform>
            <numerusform>%n runs backfilled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starting %n jobs…</source>
        <translation>
            <numerusform>Starting %n job…</numerusform>
            <numerusform>Starting %n jobs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Started %n jobs</source>
        <translation>
            <numerusform>Started %n job</numerusform>
            <numerusform>Started %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pausing %n jobs…</source>
        <translation>
            <numerusform>Pausing %n job…</numerusform>
            <numerusform>Pausing %n jobs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resuming %n jobs…</source>
        <translation>
            <numerusform>Resuming %n job…</numerusform>
            <numerusform>Resuming %n jobs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n jobs…</source>
        <translation>
            <numerusform>Deleting %n job…</numerusform>
            <numerusform>Deleting %n jobs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n jobs and their whole run history? This cannot be undone.</source>
        <translation>
            <numerusform>Delete all %n job and its whole run history? This cannot be undone.</numerusform>
            <numerusform>Delete all %n jobs and their whole run history? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are running or waiting to retry and will be stopped.</source>
        <translation>
            <numerusform>%n of them is running or waiting to retry and will be stopped.</numerusform>
            <numerusform>%n of them are running or waiting to retry and will be stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n jobs</source>
        <translation>
            <numerusform>Delete all %n job</numerusform>
            <numerusform>Delete all %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo delete of %n jobs</source>
        <translation>
            <numerusform>&amp;Undo delete of %n job</numerusform>
            <numerusform>&amp;Undo delete of %n jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::OutputView</name>
    <message numerus="yes">
        <source>Bytes that are not text, shown as &lt;XX&gt; in hex: %n</source>
        <translation>
            <numerusform>Bytes that are not text, shown as &lt;XX&gt; in hex: %n</numerusform>
            <numerusform>Bytes that are not text, shown as &lt;XX&gt; in hex: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Match %1 of %n</source>
        <translation>
            <numerusform>Match %1 of %n</numerusform>
            <numerusform>Match %1 of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matches: %n</source>
        <translation>
            <numerusform>Matches: %n</numerusform>
            <numerusform>Matches: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::Scheduler</name>
    <message numerus="yes">
        <source>calendar &quot;%1&quot; is used by %n job(s): %2</source>
        <translation>
            <numerusform>calendar &quot;%1&quot; is used by %n job: %2</numerusform>
            <numerusform>calendar &quot;%1&quot; is used by %n jobs: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>paused after %n failed runs in a row</source>
        <translation>
            <numerusform>paused after %n failed runs in a row</numerusform>
            <numerusform>paused after %n failed runs in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>job &quot;%1&quot; cannot be restored: it was not removed in the last %n minutes</source>
        <translation>
            <numerusform>job &quot;%1&quot; cannot be restored: it was not removed in the last %n minute</numerusform>
            <numerusform>job &quot;%1&quot; cannot be restored: it was not removed in the last %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::StoreStatusBanner</name>
    <message numerus="yes">
        <source>Punctual reconnects on its own (%n attempt(s) failed, next %1).</source>
        <comment>in 16 s</comment>
        <translation>
            <numerusform>Punctual reconnects on its own (%n attempt failed, next %1).</numerusform>
            <numerusform>Punctual reconnects on its own (%n attempts failed, next %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Punctual is reconnecting now (%n attempt(s) failed so far).</source>
        <translation>
            <numerusform>Punctual is reconnecting now (%n attempt failed so far).</numerusform>
            <numerusform>Punctual is reconnecting now (%n attempts failed so far).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>punctual::TrayController</name>
    <message numerus="yes">
        <source>and %n more paused with a note</source>
        <translation>
            <numerusform>and %n more paused with a note</numerusform>
            <numerusform>and %n more paused with a note</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last run of %n jobs failed</source>
        <translation>
            <numerusform>The last run of %n job failed</numerusform>
            <numerusform>The last run of %n jobs failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs waiting for their conditions (power, network, idle)</source>
        <translation>
            <numerusform>%n job waiting for its conditions (power, network, idle)</numerusform>
            <numerusform>%n jobs waiting for their conditions (power, network, idle)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) failed, were missed or timed out</source>
        <translation>
            <numerusform>%n run failed, was missed or timed out</numerusform>
            <numerusform>%n runs failed, were missed or timed out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
