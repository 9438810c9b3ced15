// Test support of the letters module: a loopback SMTP server.
export { startSmtpSink, type ArrivedMail, type SmtpSink } from './smtp-sink.js';
