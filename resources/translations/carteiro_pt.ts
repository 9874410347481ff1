<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>carteiro::app::ConsoleWidget</name>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Fresh servers</source>
        <translation>Reiniciar servidores</translation>
    </message>
    <message>
        <source>Forget what was done in the console: empty queues, the mailboxes as the scenario starts them.</source>
        <translation>Esquece o que foi feito no console: filas vazias, caixas postais como o cenário as inicia.</translation>
    </message>
    <message>
        <source>Pick a server and a port, then Connect.</source>
        <translation>Escolha um servidor e uma porta e clique em Conectar.</translation>
    </message>
    <message>
        <source>Type a command (HELO crepes.fr, USER bob, QUIT) and press Enter</source>
        <translation>Digite um comando (HELO crepes.fr, USER bob, QUIT) e tecle Enter</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Porta:</translation>
    </message>
    <message>
        <source>Connection closed.</source>
        <translation>Conexão encerrada.</translation>
    </message>
    <message>
        <source>A private copy of the scenario&apos;s servers: what you do here does not change the run being shown.</source>
        <translation>Uma cópia particular dos servidores do cenário: o que você faz aqui não altera a execução mostrada.</translation>
    </message>
    <message>
        <source>Could not connect to %1 port %2.</source>
        <translation>Não foi possível conectar a %1 na porta %2.</translation>
    </message>
    <message>
        <source>Connected to %1 port %2. Type a command and press Enter.</source>
        <translation>Conectado a %1 na porta %2. Digite um comando e tecle Enter.</translation>
    </message>
    <message>
        <source>Not connected: pick a host and a port, then Connect.</source>
        <translation>Sem conexão: escolha um host e uma porta e clique em Conectar.</translation>
    </message>
    <message>
        <source>Connection closed by foreign host.</source>
        <translation>Conexão encerrada pelo host remoto.</translation>
    </message>
    <message>
        <source>Disconnected from %1. Connect again to start a new session.</source>
        <translation>Desconectado de %1. Conecte de novo para iniciar outra sessão.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
</context>
<context>
    <name>carteiro::app::DialoguePane</name>
    <message>
        <source>(empty line)</source>
        <translation>(linha vazia)</translation>
    </message>
    <message>
        <source>No connection yet</source>
        <translation>Nenhuma conexão ainda</translation>
    </message>
    <message>
        <source>Connection %1: %2 → %3, port %4 (%5)</source>
        <translation>Conexão %1: %2 → %3, porta %4 (%5)</translation>
    </message>
    <message>
        <source>Step through the run: the meaning of the current line shows here.</source>
        <translation>Avance pela execução passo a passo: o significado da linha atual aparece aqui.</translation>
    </message>
</context>
<context>
    <name>carteiro::app::DnsInspector</name>
    <message>
        <source>Domain / record</source>
        <translation>Domínio / registro</translation>
    </message>
    <message>
        <source>Preference</source>
        <translation>Preferência</translation>
    </message>
    <message>
        <source>Mail host</source>
        <translation>Servidor de correio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>No scenario is open.</source>
        <translation>Nenhum cenário aberto.</translation>
    </message>
    <message>
        <source>A sender asks DNS for the MX records of the recipient&apos;s domain and tries the hosts in order of preference, lowest first.</source>
        <translation>O remetente consulta no DNS os registros MX do domínio do destinatário e tenta os hosts em ordem de preferência, do menor valor para o maior.</translation>
    </message>
    <message>
        <source>fault no-mx: the answer is NXDOMAIN, no such domain</source>
        <translation>falha no-mx: a resposta é NXDOMAIN, o domínio não existe</translation>
    </message>
    <message>
        <source>fault dns-fail: SERVFAIL, a temporary failure</source>
        <translation>falha dns-fail: SERVFAIL, uma falha temporária</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>responde</translation>
    </message>
    <message>
        <source>hidden by the fault</source>
        <translation>oculto pela falha</translation>
    </message>
    <message>
        <source>same preference: tried in random order</source>
        <translation>mesma preferência: tentados em ordem aleatória</translation>
    </message>
    <message>
        <source>no MX: the domain itself is the mail host</source>
        <translation>sem MX: o próprio domínio é o servidor de correio</translation>
    </message>
    <message>
        <source>used only if there were no MX records</source>
        <translation>usado só se não houvesse registros MX</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>no MX and no address: mail cannot be delivered</source>
        <translation>sem MX e sem endereço: a mensagem não pode ser entregue</translation>
    </message>
</context>
<context>
    <name>carteiro::app::EventList</name>
    <message>
        <source>Protocol:</source>
        <translation>Protocolo:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>All protocols</source>
        <translation>Todos os protocolos</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Todos os hosts</translation>
    </message>
</context>
<context>
    <name>carteiro::app::EventListModel</name>
    <message>
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>line</source>
        <translation>linha</translation>
    </message>
    <message>
        <source>connect</source>
        <comment>event kind: a TCP connection opened or failed</comment>
        <translation>conexão</translation>
    </message>
    <message>
        <source>close</source>
        <comment>event kind: a TCP connection closed</comment>
        <translation>fechamento</translation>
    </message>
    <message>
        <source>dns</source>
        <comment>event kind: a DNS query and its answer</comment>
        <translation>dns</translation>
    </message>
    <message>
        <source>queue</source>
        <comment>event kind: a message entered a mail queue</comment>
        <translation>fila</translation>
    </message>
    <message>
        <source>retry</source>
        <comment>event kind: a delivery attempt deferred</comment>
        <translation>reenvio</translation>
    </message>
    <message>
        <source>deliver</source>
        <comment>event kind: a message delivered, relayed or downloaded</comment>
        <translation>entrega</translation>
    </message>
    <message>
        <source>bounce</source>
        <comment>event kind: a message returned to its sender</comment>
        <translation>devolução</translation>
    </message>
    <message>
        <source>fault</source>
        <comment>event kind: a fault starts or ends</comment>
        <translation>falha</translation>
    </message>
    <message>
        <source>note</source>
        <comment>event kind: the scenario&apos;s caption</comment>
        <translation>nota</translation>
    </message>
    <message>
        <source>ask</source>
        <comment>event kind: the scenario asks a question</comment>
        <translation>pergunta</translation>
    </message>
    <message>
        <source>mailbox</source>
        <comment>event kind: a mailbox changed</comment>
        <translation>caixa postal</translation>
    </message>
</context>
<context>
    <name>carteiro::app::Explanations</name>
    <message>
        <source>HELO: the client says who it is (its host name) and opens the SMTP session (RFC 5321 section 4.1.1.1).</source>
        <translation>HELO: o cliente diz quem é (o nome do seu host) e abre a sessão SMTP (RFC 5321, seção 4.1.1.1).</translation>
    </message>
    <message>
        <source>EHLO: like HELO, but asks the server to list the extensions it supports, one per reply line (RFC 5321 section 4.1.1.1).</source>
        <translation>EHLO: como HELO, mas pede ao servidor que liste as extensões que suporta, uma por linha da resposta (RFC 5321, seção 4.1.1.1).</translation>
    </message>
    <message>
        <source>MAIL FROM starts a mail transaction and gives the envelope sender: the address that receives bounces. It need not be the From: header the reader sees (RFC 5321 section 4.1.1.2).</source>
        <translation>MAIL FROM inicia uma transação de correio e informa o remetente do envelope: o endereço que recebe as devoluções. Não precisa ser o cabeçalho From: que o leitor vê (RFC 5321, seção 4.1.1.2).</translation>
    </message>
    <message>
        <source>RCPT TO names one recipient of the envelope: the mailbox the message is delivered to. One RCPT per recipient; the To: and Cc: headers are not read for this (RFC 5321 section 4.1.1.3).</source>
        <translation>RCPT TO indica um destinatário do envelope: a caixa postal onde a mensagem é entregue. Um RCPT por destinatário; os cabeçalhos To: e Cc: não são lidos para isso (RFC 5321, seção 4.1.1.3).</translation>
    </message>
    <message>
        <source>DATA: the client is ready to send the message itself (headers, empty line, body), ended by a line with a single &quot;.&quot; (RFC 5321 section 4.1.1.4).</source>
        <translation>DATA: o cliente está pronto para enviar a mensagem propriamente dita (cabeçalhos, linha vazia, corpo), terminada por uma linha com apenas um &quot;.&quot; (RFC 5321, seção 4.1.1.4).</translation>
    </message>
    <message>
        <source>RSET aborts the current mail transaction: sender, recipients and data are forgotten; the session stays open (RFC 5321 section 4.1.1.5).</source>
        <translation>RSET aborta a transação de correio em curso: remetente, destinatários e dados são esquecidos; a sessão continua aberta (RFC 5321, seção 4.1.1.5).</translation>
    </message>
    <message>
        <source>VRFY asks whether a user or mailbox exists on this server (RFC 5321 section 4.1.1.6). Many real servers refuse it to hide their users from spammers.</source>
        <translation>VRFY pergunta se um usuário ou caixa postal existe neste servidor (RFC 5321, seção 4.1.1.6). Muitos servidores reais o recusam para esconder seus usuários dos spammers.</translation>
    </message>
    <message>
        <source>EXPN asks the server to expand a mailing list into its members (RFC 5321 section 4.1.1.7).</source>
        <translation>EXPN pede ao servidor que expanda uma lista de discussão em seus membros (RFC 5321, seção 4.1.1.7).</translation>
    </message>
    <message>
        <source>HELP asks the server for helpful information, answered with 214 (RFC 5321 section 4.1.1.8).</source>
        <translation>HELP pede ao servidor informações de ajuda, respondidas com 214 (RFC 5321, seção 4.1.1.8).</translation>
    </message>
    <message>
        <source>NOOP does nothing but ask for a 250 OK: a way to check that the server is still there (RFC 5321 section 4.1.1.9).</source>
        <translation>NOOP não faz nada além de pedir um 250 OK: um jeito de verificar se o servidor ainda está lá (RFC 5321, seção 4.1.1.9).</translation>
    </message>
    <message>
        <source>QUIT: the client is done; the server answers 221 and closes the connection (RFC 5321 section 4.1.1.10).</source>
        <translation>QUIT: o cliente terminou; o servidor responde 221 e encerra a conexão (RFC 5321, seção 4.1.1.10).</translation>
    </message>
    <message>
        <source>TURN asked to swap the roles of client and server. It was removed for security reasons; servers answer 502 (RFC 5321 appendix F.1).</source>
        <translation>TURN pedia a troca dos papéis de cliente e servidor. Foi removido por motivos de segurança; os servidores respondem 502 (RFC 5321, apêndice F.1).</translation>
    </message>
    <message>
        <source>AUTH: the client proves who the user is (for example with a user name and password) before submitting mail (RFC 4954).</source>
        <translation>AUTH: o cliente prova quem é o usuário (por exemplo, com nome de usuário e senha) antes de submeter mensagens (RFC 4954).</translation>
    </message>
    <message>
        <source>STARTTLS asks to encrypt the rest of the session with TLS (RFC 3207).</source>
        <translation>STARTTLS pede que o restante da sessão seja cifrado com TLS (RFC 3207).</translation>
    </message>
    <message>
        <source>USER gives the name of the mailbox to open, in the AUTHORIZATION state (RFC 1939 section 7).</source>
        <translation>USER informa o nome da caixa postal a abrir, no estado AUTHORIZATION (RFC 1939, seção 7).</translation>
    </message>
    <message>
        <source>PASS gives the password, in clear text. If it is right the server locks the mailbox and enters the TRANSACTION state (RFC 1939 section 7).</source>
        <translation>PASS informa a senha, em texto aberto. Se estiver certa, o servidor bloqueia a caixa postal e entra no estado TRANSACTION (RFC 1939, seção 7).</translation>
    </message>
    <message>
        <source>APOP logs in with a digest of the greeting&apos;s timestamp and the secret, so the password never crosses the network (RFC 1939 section 7).</source>
        <translation>APOP autentica com um resumo (digest) do carimbo de tempo da saudação e do segredo, de modo que a senha nunca atravessa a rede (RFC 1939, seção 7).</translation>
    </message>
    <message>
        <source>STAT asks how many messages there are and their total size in octets (RFC 1939 section 5).</source>
        <translation>STAT pergunta quantas mensagens há e o tamanho total delas em octetos (RFC 1939, seção 5).</translation>
    </message>
    <message>
        <source>LIST gives the number and size of each message, or of one message when a number is given (RFC 1939 section 5).</source>
        <translation>LIST informa o número e o tamanho de cada mensagem, ou de uma só quando um número é dado (RFC 1939, seção 5).</translation>
    </message>
    <message>
        <source>RETR downloads one whole message: headers, empty line and body, ended by &quot;.&quot; (RFC 1939 section 5).</source>
        <translation>RETR baixa uma mensagem inteira: cabeçalhos, linha vazia e corpo, terminada por &quot;.&quot; (RFC 1939, seção 5).</translation>
    </message>
    <message>
        <source>DELE marks a message as deleted; it is really removed only when the session ends with QUIT (RFC 1939 section 5).</source>
        <translation>DELE marca uma mensagem como apagada; ela só é removida de fato quando a sessão termina com QUIT (RFC 1939, seção 5).</translation>
    </message>
    <message>
        <source>TOP downloads the headers of a message and its first lines of body (RFC 1939 section 7).</source>
        <translation>TOP baixa os cabeçalhos de uma mensagem e as primeiras linhas do corpo (RFC 1939, seção 7).</translation>
    </message>
    <message>
        <source>UIDL gives each message&apos;s unique id, which does not change between sessions: how a client knows what it has already downloaded (RFC 1939 section 7).</source>
        <translation>UIDL informa o identificador único de cada mensagem, que não muda entre sessões: é assim que o cliente sabe o que já baixou (RFC 1939, seção 7).</translation>
    </message>
    <message>
        <source>NOOP does nothing but get +OK back (RFC 1939 section 5).</source>
        <translation>NOOP não faz nada além de receber +OK de volta (RFC 1939, seção 5).</translation>
    </message>
    <message>
        <source>RSET unmarks every message marked as deleted in this session (RFC 1939 section 5).</source>
        <translation>RSET desmarca todas as mensagens marcadas como apagadas nesta sessão (RFC 1939, seção 5).</translation>
    </message>
    <message>
        <source>QUIT ends the session. From the TRANSACTION state it enters UPDATE: messages marked with DELE are removed now (RFC 1939 section 6).</source>
        <translation>QUIT encerra a sessão. A partir do estado TRANSACTION entra em UPDATE: as mensagens marcadas com DELE são removidas agora (RFC 1939, seção 6).</translation>
    </message>
    <message>
        <source>CAPA asks the server which capabilities (extensions) it supports (RFC 2449).</source>
        <translation>CAPA pergunta ao servidor quais capacidades (extensões) ele suporta (RFC 2449).</translation>
    </message>
    <message>
        <source>AUTH logs in with a SASL mechanism instead of USER/PASS (RFC 5034).</source>
        <translation>AUTH autentica com um mecanismo SASL em vez de USER/PASS (RFC 5034).</translation>
    </message>
    <message>
        <source>211: system status, or help.</source>
        <translation>211: estado do sistema, ou ajuda.</translation>
    </message>
    <message>
        <source>214: a help message, for a human reader.</source>
        <translation>214: uma mensagem de ajuda, para um leitor humano.</translation>
    </message>
    <message>
        <source>220: service ready. The server greets first, naming its domain; now the client may speak.</source>
        <translation>220: serviço pronto. O servidor saúda primeiro, dizendo seu domínio; agora o cliente pode falar.</translation>
    </message>
    <message>
        <source>221: service closing the connection, after QUIT.</source>
        <translation>221: o serviço está encerrando a conexão, depois do QUIT.</translation>
    </message>
    <message>
        <source>235: authentication succeeded (RFC 4954).</source>
        <translation>235: autenticação bem-sucedida (RFC 4954).</translation>
    </message>
    <message>
        <source>250: requested mail action okay, completed.</source>
        <translation>250: ação de correio solicitada concluída, tudo certo.</translation>
    </message>
    <message>
        <source>251: user not local; the server will forward the message.</source>
        <translation>251: usuário não local; o servidor vai encaminhar a mensagem.</translation>
    </message>
    <message>
        <source>252: cannot verify the user, but the server will accept the message and try to deliver it.</source>
        <translation>252: não é possível verificar o usuário, mas o servidor aceitará a mensagem e tentará entregá-la.</translation>
    </message>
    <message>
        <source>334: an authentication challenge; the client answers it (RFC 4954).</source>
        <translation>334: um desafio de autenticação; o cliente o responde (RFC 4954).</translation>
    </message>
    <message>
        <source>354: start mail input, end with &lt;CRLF&gt;.&lt;CRLF&gt;. What the client sends next is the message itself, not commands.</source>
        <translation>354: comece a enviar a mensagem e termine com &lt;CRLF&gt;.&lt;CRLF&gt;. O que o cliente envia a seguir é a própria mensagem, não comandos.</translation>
    </message>
    <message>
        <source>421: service not available, closing the connection; the client keeps the message and tries again later.</source>
        <translation>421: serviço indisponível, encerrando a conexão; o cliente guarda a mensagem e tenta de novo mais tarde.</translation>
    </message>
    <message>
        <source>450: mailbox unavailable for now (busy, or greylisting); try again later.</source>
        <translation>450: caixa postal indisponível no momento (ocupada, ou greylisting); tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>451: action aborted: local error in processing; try again later.</source>
        <translation>451: ação abortada: erro local no processamento; tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>452: insufficient system storage; try again later.</source>
        <translation>452: espaço de armazenamento insuficiente no sistema; tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>455: the server cannot accommodate the parameters now.</source>
        <translation>455: o servidor não consegue atender aos parâmetros agora.</translation>
    </message>
    <message>
        <source>500: syntax error, command unrecognized: the server does not know this command (or the line is too long).</source>
        <translation>500: erro de sintaxe, comando não reconhecido: o servidor não conhece este comando (ou a linha é longa demais).</translation>
    </message>
    <message>
        <source>501: syntax error in the parameters or arguments.</source>
        <translation>501: erro de sintaxe nos parâmetros ou argumentos.</translation>
    </message>
    <message>
        <source>502: command not implemented: the server knows it but does not do it.</source>
        <translation>502: comando não implementado: o servidor o conhece, mas não o executa.</translation>
    </message>
    <message>
        <source>503: bad sequence of commands: the command came out of order (for example RCPT before MAIL, or DATA with no recipient).</source>
        <translation>503: sequência de comandos errada: o comando veio fora de ordem (por exemplo, RCPT antes de MAIL, ou DATA sem nenhum destinatário).</translation>
    </message>
    <message>
        <source>504: command parameter not implemented.</source>
        <translation>504: parâmetro do comando não implementado.</translation>
    </message>
    <message>
        <source>530: authentication required before this command (RFC 4954).</source>
        <translation>530: é preciso autenticar-se antes deste comando (RFC 4954).</translation>
    </message>
    <message>
        <source>535: authentication credentials invalid (RFC 4954).</source>
        <translation>535: credenciais de autenticação inválidas (RFC 4954).</translation>
    </message>
    <message>
        <source>550: requested action not taken: mailbox unavailable (no such user, or refused by policy). Permanent: the sender gets a bounce.</source>
        <translation>550: ação solicitada não executada: caixa postal indisponível (usuário inexistente, ou recusa por política). Permanente: o remetente recebe uma devolução.</translation>
    </message>
    <message>
        <source>551: user not local; the reply says where to try.</source>
        <translation>551: usuário não local; a resposta diz onde tentar.</translation>
    </message>
    <message>
        <source>552: action aborted: exceeded storage allocation (mailbox full or message too big).</source>
        <translation>552: ação abortada: cota de armazenamento excedida (caixa postal cheia ou mensagem grande demais).</translation>
    </message>
    <message>
        <source>553: mailbox name not allowed (bad address syntax).</source>
        <translation>553: nome de caixa postal não permitido (sintaxe de endereço inválida).</translation>
    </message>
    <message>
        <source>554: transaction failed (or, as a greeting, no SMTP service here).</source>
        <translation>554: a transação falhou (ou, como saudação, não há serviço SMTP aqui).</translation>
    </message>
    <message>
        <source>555: MAIL FROM or RCPT TO parameters not recognized or not implemented.</source>
        <translation>555: parâmetros de MAIL FROM ou RCPT TO não reconhecidos ou não implementados.</translation>
    </message>
    <message>
        <source>From: the author as the reader&apos;s program shows it. The envelope sender (MAIL FROM) is separate: it can differ, and bounces go there.</source>
        <translation>From: o autor, como o programa do leitor o mostra. O remetente do envelope (MAIL FROM) é outra coisa: pode ser diferente, e as devoluções vão para ele.</translation>
    </message>
    <message>
        <source>To: the primary recipients as the reader sees them. Delivery follows the envelope&apos;s RCPT TO, not this field.</source>
        <translation>To: os destinatários principais, como o leitor os vê. A entrega segue o RCPT TO do envelope, não este campo.</translation>
    </message>
    <message>
        <source>Cc: recipients of a copy, shown to everyone.</source>
        <translation>Cc: destinatários de uma cópia, visíveis a todos.</translation>
    </message>
    <message>
        <source>Subject: the topic.</source>
        <translation>Subject: o assunto.</translation>
    </message>
    <message>
        <source>Date: when the author&apos;s program finished the message.</source>
        <translation>Date: quando o programa do autor terminou a mensagem.</translation>
    </message>
    <message>
        <source>Message-ID: a unique identifier for this message, made by the first program that handled it.</source>
        <translation>Message-ID: um identificador único desta mensagem, criado pelo primeiro programa que a tratou.</translation>
    </message>
    <message>
        <source>Received: a trace field that each mail server adds at the top when it accepts the message: read from the bottom up, they tell the path (RFC 5321 section 4.4).</source>
        <translation>Received: um campo de rastro que cada servidor de correio acrescenta no topo ao aceitar a mensagem: lidos de baixo para cima, contam o caminho percorrido (RFC 5321, seção 4.4).</translation>
    </message>
    <message>
        <source>Return-Path: the envelope sender (MAIL FROM), recorded by the final server at delivery (RFC 5321 section 4.4).</source>
        <translation>Return-Path: o remetente do envelope (MAIL FROM), registrado pelo servidor final na entrega (RFC 5321, seção 4.4).</translation>
    </message>
    <message>
        <source>Reply-To: where answers should go, if not to From.</source>
        <translation>Reply-To: para onde devem ir as respostas, se não para o From.</translation>
    </message>
    <message>
        <source>MIME-Version: the body follows MIME (RFC 2045).</source>
        <translation>MIME-Version: o corpo segue o padrão MIME (RFC 2045).</translation>
    </message>
    <message>
        <source>Content-Type: what kind of data the body is and its character set (RFC 2045).</source>
        <translation>Content-Type: que tipo de dado é o corpo e seu conjunto de caracteres (RFC 2045).</translation>
    </message>
    <message>
        <source>Content-Transfer-Encoding: how the body was encoded to travel as 7-bit text lines (RFC 2045).</source>
        <translation>Content-Transfer-Encoding: como o corpo foi codificado para viajar como linhas de texto de 7 bits (RFC 2045).</translation>
    </message>
    <message>
        <source>GET asks for the page at this path; it changes nothing on the server (RFC 9110 section 9.3.1).</source>
        <translation>GET pede a página neste caminho; não altera nada no servidor (RFC 9110, seção 9.3.1).</translation>
    </message>
    <message>
        <source>HEAD asks for the same answer as GET without the body (RFC 9110 section 9.3.2).</source>
        <translation>HEAD pede a mesma resposta que GET, sem o corpo (RFC 9110, seção 9.3.2).</translation>
    </message>
    <message>
        <source>POST sends data for the server to act on: here a form&apos;s fields, in the body after the empty line (RFC 9110 section 9.3.3).</source>
        <translation>POST envia dados para o servidor processar: aqui, os campos de um formulário, no corpo depois da linha vazia (RFC 9110, seção 9.3.3).</translation>
    </message>
    <message>
        <source>200 OK: the page follows in the body.</source>
        <translation>200 OK: a página vem a seguir, no corpo.</translation>
    </message>
    <message>
        <source>204 No Content: done, no body.</source>
        <translation>204 No Content: feito, sem corpo.</translation>
    </message>
    <message>
        <source>303 See Other: the form was handled; the browser now GETs the page named in Location (RFC 9110 section 15.4.4).</source>
        <translation>303 See Other: o formulário foi tratado; agora o navegador faz GET da página indicada em Location (RFC 9110, seção 15.4.4).</translation>
    </message>
    <message>
        <source>400 Bad Request: the request breaks HTTP&apos;s syntax; the server closes the connection.</source>
        <translation>400 Bad Request: a requisição viola a sintaxe do HTTP; o servidor encerra a conexão.</translation>
    </message>
    <message>
        <source>403 Forbidden: the server understood and refuses, here because the mail server did not accept the password.</source>
        <translation>403 Forbidden: o servidor entendeu e recusa, aqui porque o servidor de correio não aceitou a senha.</translation>
    </message>
    <message>
        <source>404 Not Found: there is nothing at this path.</source>
        <translation>404 Not Found: não há nada neste caminho.</translation>
    </message>
    <message>
        <source>405 Method Not Allowed: the path exists but not for this method; the Allow field lists the ones it takes.</source>
        <translation>405 Method Not Allowed: o caminho existe, mas não para este método; o campo Allow lista os que ele aceita.</translation>
    </message>
    <message>
        <source>411 Length Required: a body was sent without Content-Length.</source>
        <translation>411 Length Required: um corpo foi enviado sem Content-Length.</translation>
    </message>
    <message>
        <source>413 Content Too Large: the body is larger than the server accepts.</source>
        <translation>413 Content Too Large: o corpo é maior do que o servidor aceita.</translation>
    </message>
    <message>
        <source>414 URI Too Long: the request line is longer than the server reads.</source>
        <translation>414 URI Too Long: a linha de requisição é mais longa do que o servidor lê.</translation>
    </message>
    <message>
        <source>431 Request Header Fields Too Large.</source>
        <translation>431 Request Header Fields Too Large: os campos de cabeçalho da requisição são grandes demais.</translation>
    </message>
    <message>
        <source>501 Not Implemented: the server does not know this method.</source>
        <translation>501 Not Implemented: o servidor não conhece este método.</translation>
    </message>
    <message>
        <source>502 Bad Gateway: the webmail could not get an answer from the mail server behind it.</source>
        <translation>502 Bad Gateway: o webmail não obteve resposta do servidor de correio por trás dele.</translation>
    </message>
    <message>
        <source>505 HTTP Version Not Supported.</source>
        <translation>505 HTTP Version Not Supported: versão do HTTP não suportada.</translation>
    </message>
    <message>
        <source>Host: which site the browser wants; one server may hold many (required in HTTP/1.1, RFC 9112 section 3.2).</source>
        <translation>Host: qual site o navegador quer; um servidor pode hospedar vários (obrigatório no HTTP/1.1, RFC 9112, seção 3.2).</translation>
    </message>
    <message>
        <source>Cookie: the browser sends back what the server set, so the server knows it is the same signed-in person (RFC 6265).</source>
        <translation>Cookie: o navegador devolve o que o servidor definiu, para que o servidor saiba que é a mesma pessoa que entrou (RFC 6265).</translation>
    </message>
    <message>
        <source>Set-Cookie: the server gives the browser a session id to send back with every request; HTTP itself keeps no memory (RFC 6265).</source>
        <translation>Set-Cookie: o servidor dá ao navegador um identificador de sessão para ser devolvido em cada requisição; o HTTP em si não guarda memória (RFC 6265).</translation>
    </message>
    <message>
        <source>Location: where the browser goes next after a 303.</source>
        <translation>Location: para onde o navegador vai depois de um 303.</translation>
    </message>
    <message>
        <source>Content-Length: the size of the body in octets, so the other side knows where it ends and the connection can carry the next request.</source>
        <translation>Content-Length: o tamanho do corpo em octetos, para que o outro lado saiba onde ele termina e a conexão possa levar a próxima requisição.</translation>
    </message>
    <message>
        <source>Content-Type: what the body is (an HTML page, a form&apos;s fields) and its character set.</source>
        <translation>Content-Type: o que é o corpo (uma página HTML, os campos de um formulário) e seu conjunto de caracteres.</translation>
    </message>
    <message>
        <source>Connection: close ends the connection after this answer; without it HTTP/1.1 keeps it open.</source>
        <translation>Connection: close encerra a conexão depois desta resposta; sem ele, o HTTP/1.1 a mantém aberta.</translation>
    </message>
    <message>
        <source>Date: when the server sent the answer, in GMT.</source>
        <translation>Date: quando o servidor enviou a resposta, em GMT.</translation>
    </message>
    <message>
        <source>%1 is not an SMTP command: the server answers 500, command unrecognized (RFC 5321 section 4.2.4).</source>
        <translation>%1 não é um comando SMTP: o servidor responde 500, comando não reconhecido (RFC 5321, seção 4.2.4).</translation>
    </message>
    <message>
        <source>%1 is not a POP3 command: the server answers -ERR.</source>
        <translation>%1 não é um comando POP3: o servidor responde -ERR.</translation>
    </message>
    <message>
        <source>%1: a reply code without a fixed meaning; its first digit tells the class.</source>
        <translation>%1: um código de resposta sem significado fixo; o primeiro dígito indica a classe.</translation>
    </message>
    <message>
        <source>2yz, positive completion: the action is done; the client goes on (RFC 5321 section 4.2.1).</source>
        <translation>2yz, conclusão positiva: a ação foi feita; o cliente segue adiante (RFC 5321, seção 4.2.1).</translation>
    </message>
    <message>
        <source>3yz, positive intermediate: accepted so far; the server waits for more (RFC 5321 section 4.2.1).</source>
        <translation>3yz, intermediária positiva: aceito até aqui; o servidor espera o restante (RFC 5321, seção 4.2.1).</translation>
    </message>
    <message>
        <source>4yz, transient negative completion: not now, try again later; the message stays in the sender&apos;s queue (RFC 5321 section 4.2.1).</source>
        <translation>4yz, conclusão negativa transitória: agora não, tente de novo mais tarde; a mensagem fica na fila do remetente (RFC 5321, seção 4.2.1).</translation>
    </message>
    <message>
        <source>5yz, permanent negative completion: do not repeat it as it is; a message that cannot go on is bounced to its sender (RFC 5321 section 4.2.1).</source>
        <translation>5yz, conclusão negativa permanente: não repita o comando como está; a mensagem que não pode seguir é devolvida ao remetente (RFC 5321, seção 4.2.1).</translation>
    </message>
    <message>
        <source>success</source>
        <translation>sucesso</translation>
    </message>
    <message>
        <source>persistent transient failure</source>
        <translation>falha transitória persistente</translation>
    </message>
    <message>
        <source>permanent failure</source>
        <translation>falha permanente</translation>
    </message>
    <message>
        <source>other or undefined status</source>
        <translation>estado outro ou indefinido</translation>
    </message>
    <message>
        <source>addressing status</source>
        <translation>estado de endereçamento</translation>
    </message>
    <message>
        <source>mailbox status</source>
        <translation>estado da caixa postal</translation>
    </message>
    <message>
        <source>mail system status</source>
        <translation>estado do sistema de correio</translation>
    </message>
    <message>
        <source>network and routing status</source>
        <translation>estado da rede e do roteamento</translation>
    </message>
    <message>
        <source>mail delivery protocol status</source>
        <translation>estado do protocolo de entrega</translation>
    </message>
    <message>
        <source>message content or media status</source>
        <translation>estado do conteúdo ou da mídia da mensagem</translation>
    </message>
    <message>
        <source>security or policy status</source>
        <translation>estado de segurança ou de política</translation>
    </message>
    <message>
        <source>Enhanced status code %1: %2, %3 (RFC 3463).</source>
        <translation>Código de estado estendido %1: %2, %3 (RFC 3463).</translation>
    </message>
    <message>
        <source>request</source>
        <translation>requisição</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>resposta</translation>
    </message>
    <message>
        <source>%1 — HTTP request (RFC 9110)</source>
        <translation>%1 — requisição HTTP (RFC 9110)</translation>
    </message>
    <message>
        <source>%1 is not a method this server knows: it answers 501.</source>
        <translation>%1 não é um método que este servidor conheça: ele responde 501.</translation>
    </message>
    <message>
        <source>The request line is: method, path, version.</source>
        <translation>A linha de requisição é: método, caminho, versão.</translation>
    </message>
    <message>
        <source>%1 — HTTP status (RFC 9110 section 15)</source>
        <translation>%1 — status HTTP (RFC 9110, seção 15)</translation>
    </message>
    <message>
        <source>It answers %1.</source>
        <translation>Responde ao %1.</translation>
    </message>
    <message>
        <source>%1: — HTTP field of the %2</source>
        <translation>%1: — campo HTTP da %2</translation>
    </message>
    <message>
        <source>Empty line — end of the HTTP fields (RFC 9112 section 2.1)</source>
        <translation>Linha vazia — fim dos campos HTTP (RFC 9112, seção 2.1)</translation>
    </message>
    <message>
        <source>What follows is the body of the %1; Content-Length says how long it is.</source>
        <translation>O que vem a seguir é o corpo da %1; Content-Length diz o seu tamanho.</translation>
    </message>
    <message>
        <source>Body of the request: the form&apos;s fields</source>
        <translation>Corpo da requisição: os campos do formulário</translation>
    </message>
    <message>
        <source>Body of the answer: the page&apos;s HTML</source>
        <translation>Corpo da resposta: o HTML da página</translation>
    </message>
    <message>
        <source>A form&apos;s fields as name=value pairs joined by &amp;, with special characters %-encoded (application/x-www-form-urlencoded).</source>
        <translation>Os campos de um formulário como pares nome=valor unidos por &amp;, com os caracteres especiais codificados com % (application/x-www-form-urlencoded).</translation>
    </message>
    <message>
        <source>The browser draws this page. The webmail built it from what the mail server answered over IMAP.</source>
        <translation>O navegador desenha esta página. O webmail a montou a partir do que o servidor de correio respondeu por IMAP.</translation>
    </message>
    <message>
        <source>It answers the opening of the connection: the greeting.</source>
        <translation>Responde à abertura da conexão: é a saudação.</translation>
    </message>
    <message>
        <source>It answers the end of the message data (the line &quot;.&quot;): with 250 the server has taken responsibility for delivering it.</source>
        <translation>Responde ao fim dos dados da mensagem (a linha &quot;.&quot;): com 250, o servidor assumiu a responsabilidade de entregá-la.</translation>
    </message>
    <message>
        <source>This line is part of the downloaded message, not a POP3 command or reply.</source>
        <translation>Esta linha faz parte da mensagem baixada, não é um comando nem uma resposta POP3.</translation>
    </message>
    <message>
        <source>This line is part of the message (sent after DATA), not of the SMTP envelope: servers carry it without acting on it.</source>
        <translation>Esta linha faz parte da mensagem (enviada depois do DATA), não do envelope SMTP: os servidores a transportam sem agir sobre ela.</translation>
    </message>
    <message>
        <source>%1 — envelope (SMTP, RFC 5321)</source>
        <translation>%1 — envelope (SMTP, RFC 5321)</translation>
    </message>
    <message>
        <source>%1 — SMTP command (RFC 5321)</source>
        <translation>%1 — comando SMTP (RFC 5321)</translation>
    </message>
    <message>
        <source>%1 — POP3 command (RFC 1939)</source>
        <translation>%1 — comando POP3 (RFC 1939)</translation>
    </message>
    <message>
        <source>%1 — %2 command</source>
        <translation>%1 — comando %2</translation>
    </message>
    <message>
        <source>+OK — positive status (POP3, RFC 1939)</source>
        <translation>+OK — indicador positivo (POP3, RFC 1939)</translation>
    </message>
    <message>
        <source>+OK: the command worked (RFC 1939 section 3).</source>
        <translation>+OK: o comando funcionou (RFC 1939, seção 3).</translation>
    </message>
    <message>
        <source>-ERR — negative status (POP3, RFC 1939)</source>
        <translation>-ERR — indicador negativo (POP3, RFC 1939)</translation>
    </message>
    <message>
        <source>-ERR: the command failed: wrong password, no such message, or a command in the wrong state (RFC 1939 section 3).</source>
        <translation>-ERR: o comando falhou: senha errada, mensagem inexistente, ou um comando no estado errado (RFC 1939, seção 3).</translation>
    </message>
    <message>
        <source>POP3 reply</source>
        <translation>Resposta POP3</translation>
    </message>
    <message>
        <source>The greeting: the session starts in the AUTHORIZATION state (RFC 1939 section 4).</source>
        <translation>A saudação: a sessão começa no estado AUTHORIZATION (RFC 1939, seção 4).</translation>
    </message>
    <message>
        <source>%1 — SMTP reply (RFC 5321 section 4.2)</source>
        <translation>%1 — resposta SMTP (RFC 5321, seção 4.2)</translation>
    </message>
    <message>
        <source>The &quot;-&quot; after the code means more lines of this reply follow; the last has a space (RFC 5321 section 4.2.1).</source>
        <translation>O &quot;-&quot; depois do código significa que mais linhas desta resposta vêm a seguir; a última tem um espaço (RFC 5321, seção 4.2.1).</translation>
    </message>
    <message>
        <source>%1 reply</source>
        <translation>Resposta %1</translation>
    </message>
    <message>
        <source>%1: — header (part of the message, RFC 5322)</source>
        <translation>%1: — cabeçalho (parte da mensagem, RFC 5322)</translation>
    </message>
    <message>
        <source>Header fields come first in the message, one &quot;Name: value&quot; per line (RFC 5322 section 2.2).</source>
        <translation>Os campos de cabeçalho vêm primeiro na mensagem, um &quot;Nome: valor&quot; por linha (RFC 5322, seção 2.2).</translation>
    </message>
    <message>
        <source>Folded header line (part of the message, RFC 5322)</source>
        <translation>Linha de cabeçalho dobrada (parte da mensagem, RFC 5322)</translation>
    </message>
    <message>
        <source>A line that starts with a space continues the header field above it (RFC 5322 section 2.2.3).</source>
        <translation>Uma linha que começa com espaço continua o campo de cabeçalho acima dela (RFC 5322, seção 2.2.3).</translation>
    </message>
    <message>
        <source>Empty line — end of the headers (RFC 5322)</source>
        <translation>Linha vazia — fim dos cabeçalhos (RFC 5322)</translation>
    </message>
    <message>
        <source>The first empty line separates the header fields from the body (RFC 5322 section 2.1).</source>
        <translation>A primeira linha vazia separa os campos de cabeçalho do corpo (RFC 5322, seção 2.1).</translation>
    </message>
    <message>
        <source>Body line (part of the message, RFC 5322)</source>
        <translation>Linha do corpo (parte da mensagem, RFC 5322)</translation>
    </message>
    <message>
        <source>The body is the text the reader reads, after the empty line.</source>
        <translation>O corpo é o texto que o leitor lê, depois da linha vazia.</translation>
    </message>
    <message>
        <source>. — end of a multi-line answer (RFC 1939 section 3)</source>
        <translation>. — fim de uma resposta de várias linhas (RFC 1939, seção 3)</translation>
    </message>
    <message>
        <source>A line with a single &quot;.&quot; ends the multi-line answer; lines of content that start with &quot;.&quot; get a second one (dot-stuffing).</source>
        <translation>Uma linha com apenas um &quot;.&quot; termina a resposta de várias linhas; as linhas de conteúdo que começam com &quot;.&quot; recebem um segundo ponto (dot-stuffing).</translation>
    </message>
    <message>
        <source>. — end of the message data (RFC 5321 section 4.1.1.4)</source>
        <translation>. — fim dos dados da mensagem (RFC 5321, seção 4.1.1.4)</translation>
    </message>
    <message>
        <source>&lt;CRLF&gt;.&lt;CRLF&gt; ends the message. Now the server answers: 250 accepts responsibility for the message. A content line that starts with &quot;.&quot; is sent with a second one (dot-stuffing, RFC 5321 section 4.5.2).</source>
        <translation>&lt;CRLF&gt;.&lt;CRLF&gt; termina a mensagem. Agora o servidor responde: 250 assume a responsabilidade pela mensagem. Uma linha de conteúdo que começa com &quot;.&quot; é enviada com um segundo ponto (dot-stuffing, RFC 5321, seção 4.5.2).</translation>
    </message>
    <message>
        <source>Line of a multi-line answer to %1 (RFC 1939)</source>
        <translation>Linha de uma resposta de várias linhas ao %1 (RFC 1939)</translation>
    </message>
    <message>
        <source>A message number and its unique id.</source>
        <translation>O número de uma mensagem e seu identificador único.</translation>
    </message>
    <message>
        <source>One capability the server supports (RFC 2449).</source>
        <translation>Uma capacidade que o servidor suporta (RFC 2449).</translation>
    </message>
    <message>
        <source>A message number and its size in octets.</source>
        <translation>O número de uma mensagem e seu tamanho em octetos.</translation>
    </message>
    <message>
        <source>Client line</source>
        <translation>Linha do cliente</translation>
    </message>
    <message>
        <source>Server line</source>
        <translation>Linha do servidor</translation>
    </message>
</context>
<context>
    <name>carteiro::app::FaultPanel</name>
    <message>
        <source>Host down (connections time out)</source>
        <translation>Host fora do ar (conexões expiram)</translation>
    </message>
    <message>
        <source>Host back up</source>
        <translation>Host de volta ao ar</translation>
    </message>
    <message>
        <source>Server rejects (reply code at a stage)</source>
        <translation>Servidor rejeita (código de resposta numa etapa)</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Conexão recusada</translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation>Caixa postal cheia</translation>
    </message>
    <message>
        <source>DNS failure (SERVFAIL, temporary)</source>
        <translation>Falha de DNS (SERVFAIL, temporária)</translation>
    </message>
    <message>
        <source>Domain does not exist (NXDOMAIN)</source>
        <translation>Domínio inexistente (NXDOMAIN)</translation>
    </message>
    <message>
        <source>Extra latency</source>
        <translation>Latência extra</translation>
    </message>
    <message>
        <source>Connection cut mid-transfer</source>
        <translation>Conexão cortada no meio da transferência</translation>
    </message>
    <message>
        <source>connect (greeting)</source>
        <translation>conexão (saudação)</translation>
    </message>
    <message>
        <source>HELO / EHLO</source>
        <translation>HELO / EHLO</translation>
    </message>
    <message>
        <source>MAIL FROM</source>
        <translation>MAIL FROM</translation>
    </message>
    <message>
        <source>RCPT TO</source>
        <translation>RCPT TO</translation>
    </message>
    <message>
        <source>DATA</source>
        <translation>DATA</translation>
    </message>
    <message>
        <source>4xx is temporary: the sender retries. 5xx is permanent: the sender gets a bounce.</source>
        <translation>4xx é temporário: o remetente tenta de novo. 5xx é permanente: o remetente recebe uma devolução.</translation>
    </message>
    <message>
        <source>optional reply text</source>
        <translation>texto da resposta (opcional)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>until the end</source>
        <translation>até o fim</translation>
    </message>
    <message>
        <source>for 10 minutes</source>
        <translation>por 10 minutos</translation>
    </message>
    <message>
        <source>for 1 hour</source>
        <translation>por 1 hora</translation>
    </message>
    <message>
        <source>for 2 hours</source>
        <translation>por 2 horas</translation>
    </message>
    <message>
        <source>for 1 day</source>
        <translation>por 1 dia</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Falha</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Reply code</source>
        <translation>Código de resposta</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Texto da resposta</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domínio</translation>
    </message>
    <message>
        <source>Extra delay</source>
        <translation>Atraso extra</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Inject now</source>
        <translation>Injetar agora</translation>
    </message>
    <message>
        <source>The fault starts at the current moment; the run continues with it.</source>
        <translation>A falha começa no momento atual; a execução continua com ela.</translation>
    </message>
    <message>
        <source>Save injected faults into the scenario…</source>
        <translation>Salvar no cenário as falhas injetadas…</translation>
    </message>
    <message>
        <source>Injected in this session:</source>
        <translation>Injetadas nesta sessão:</translation>
    </message>
    <message>
        <source>%1 is down: connections to it time out</source>
        <translation>%1 fora do ar: as conexões a ele expiram</translation>
    </message>
    <message>
        <source>%1 refuses connections on port %2</source>
        <translation>%1 recusa conexões na porta %2</translation>
    </message>
    <message>
        <source>%1 refuses connections</source>
        <translation>%1 recusa conexões</translation>
    </message>
    <message>
        <source>%1 answers %2 with %3</source>
        <translation>%1 responde ao %2 com %3</translation>
    </message>
    <message>
        <source>DNS: %1 does not exist (NXDOMAIN)</source>
        <translation>DNS: %1 não existe (NXDOMAIN)</translation>
    </message>
    <message>
        <source>DNS: lookups of %1 fail (SERVFAIL)</source>
        <translation>DNS: as consultas a %1 falham (SERVFAIL)</translation>
    </message>
    <message>
        <source>mailbox of %1 is full</source>
        <translation>caixa postal de %1 cheia</translation>
    </message>
    <message>
        <source>%1 is slow: +%2 ms</source>
        <translation>%1 está lento: +%2 ms</translation>
    </message>
    <message>
        <source>%1 cuts connections at %2</source>
        <translation>%1 corta as conexões em %2</translation>
    </message>
    <message>
        <source>%1 answers the connection with %2</source>
        <translation>%1 responde à conexão com %2</translation>
    </message>
</context>
<context>
    <name>carteiro::app::LadderView</name>
    <message>
        <source>The ladder diagram fills in as the run plays.</source>
        <translation>O diagrama de sequência se preenche à medida que a execução avança.</translation>
    </message>
    <message>
        <source>⋮ %1 later</source>
        <translation>⋮ %1 depois</translation>
    </message>
    <message>
        <source>TCP connection opened</source>
        <translation>Conexão TCP aberta</translation>
    </message>
    <message>
        <source>TCP connection closed</source>
        <translation>Conexão TCP encerrada</translation>
    </message>
    <message>
        <source>DNS: %1</source>
        <translation>DNS: %1</translation>
    </message>
    <message>
        <source>(empty line)</source>
        <translation>(linha vazia)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
</context>
<context>
    <name>carteiro::app::Lesson</name>
    <message>
        <source>What will %1 answer?</source>
        <translation>O que %1 vai responder?</translation>
    </message>
    <message>
        <source># Lesson summary: %1</source>
        <translation># Resumo da aula: %1</translation>
    </message>
    <message>
        <source>Questions: %1 right of %2 answered (%3 in the lesson).</source>
        <translation>Perguntas: %1 certas de %2 respondidas (%3 na aula).</translation>
    </message>
    <message>
        <source>Replies predicted: %1 right of %2.</source>
        <translation>Respostas previstas: %1 certas de %2.</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sem resposta</translation>
    </message>
    <message>
        <source>right: %1</source>
        <translation>certo: %1</translation>
    </message>
    <message>
        <source>answered %1; the answer is %2</source>
        <translation>respondeu %1; a resposta é %2</translation>
    </message>
    <message>
        <source>%1 reply %2 at %3: read what it means in the dialogue pane.</source>
        <translation>Resposta %2 do %1 em %3: leia o que ela significa no painel Diálogo.</translation>
    </message>
    <message>
        <source>## Questions</source>
        <translation>## Perguntas</translation>
    </message>
    <message>
        <source>## Predicted replies</source>
        <translation>## Respostas previstas</translation>
    </message>
    <message>
        <source>## To review</source>
        <translation>## Para revisar</translation>
    </message>
    <message>
        <source>Nothing: every answer was right.</source>
        <translation>Nada: todas as respostas estavam certas.</translation>
    </message>
</context>
<context>
    <name>carteiro::app::LessonSummary</name>
    <message>
        <source>Lesson summary</source>
        <translation>Resumo da aula</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>The summary could not be written to %1: %2</source>
        <translation>Não foi possível gravar o resumo em %1: %2</translation>
    </message>
    <message>
        <source>Export lesson summary</source>
        <translation>Exportar resumo da aula</translation>
    </message>
    <message>
        <source>Markdown (*.md);;Web page (*.html);;All files (*)</source>
        <translation>Markdown (*.md);;Página web (*.html);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Summary not exported</source>
        <translation>Resumo não exportado</translation>
    </message>
</context>
<context>
    <name>carteiro::app::MailboxInspector</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Caixa postal</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Assunto</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Open a message to see its source.</source>
        <translation>Abra uma mensagem para ver o código-fonte dela.</translation>
    </message>
    <message>
        <source>Open a message: its route and its envelope are explained here.</source>
        <translation>Abra uma mensagem: a rota e o envelope dela são explicados aqui.</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Charset / file</source>
        <translation>Charset / arquivo</translation>
    </message>
    <message>
        <source>Transfer encoding</source>
        <translation>Codificação de transferência</translation>
    </message>
    <message>
        <source>Encoded</source>
        <translation>Codificado</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>Decodificado</translation>
    </message>
    <message>
        <source>The selected part&apos;s header fields.</source>
        <translation>Os campos de cabeçalho da parte selecionada.</translation>
    </message>
    <message>
        <source>The selected part&apos;s body as it travelled.</source>
        <translation>O corpo da parte selecionada como viajou.</translation>
    </message>
    <message>
        <source>The selected part&apos;s body decoded.</source>
        <translation>O corpo da parte selecionada, decodificado.</translation>
    </message>
    <message>
        <source>Encoded (as it travelled)</source>
        <translation>Codificado (como viajou)</translation>
    </message>
    <message>
        <source>Decoded (what the reader sees)</source>
        <translation>Decodificado (o que o leitor vê)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Código-fonte</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Estrutura</translation>
    </message>
    <message>
        <source>%1 (1 message)</source>
        <translation>%1 (1 mensagem)</translation>
    </message>
    <message>
        <source>%1 (%2 messages)</source>
        <translation>%1 (%2 mensagens)</translation>
    </message>
    <message>
        <source>UID %1</source>
        <translation>UID %1</translation>
    </message>
    <message>
        <source>Subject: %1
From: %2</source>
        <translation>Assunto: %1
De: %2</translation>
    </message>
    <message>
        <source>The parser had to guess: %1</source>
        <translation>O analisador teve de adivinhar: %1</translation>
    </message>
    <message>
        <source>(no header fields: defaults apply)</source>
        <translation>(sem campos de cabeçalho: valem os padrões)</translation>
    </message>
    <message>
        <source>
[... %1 bytes in all]</source>
        <translation>
[... %1 bytes no total]</translation>
    </message>
    <message>
        <source>A multipart has no content of its own: its %1 parts are below it in the tree, between the boundary lines shown on the left.</source>
        <translation>Uma multipart não tem conteúdo próprio: suas %1 partes estão abaixo dela na árvore, entre as linhas de fronteira (boundary) mostradas à esquerda.</translation>
    </message>
    <message>
        <source>An enclosed message: its parts are below it in the tree.

</source>
        <translation>Uma mensagem anexada: suas partes estão abaixo dela na árvore.

</translation>
    </message>
    <message>
        <source>%1 bytes of %2</source>
        <translation>%1 bytes de %2</translation>
    </message>
    <message>
        <source>, the first %1 shown</source>
        <translation>; os primeiros %1 são mostrados</translation>
    </message>
    <message>
        <source>%1. accepted by %2 from %3</source>
        <translation>%1. aceita por %2, vinda de %3</translation>
    </message>
    <message>
        <source>%1. relayed to %2 from %3</source>
        <translation>%1. retransmitida para %2 a partir de %3</translation>
    </message>
    <message>
        <source> (which said HELO %1)</source>
        <translation> (que disse HELO %1)</translation>
    </message>
    <message>
        <source> with %1</source>
        <translation> com %1</translation>
    </message>
    <message>
        <source>, queue id %1</source>
        <translation>, id na fila %1</translation>
    </message>
    <message>
        <source>, for &lt;%1&gt;</source>
        <translation>, para &lt;%1&gt;</translation>
    </message>
    <message>
        <source>, at %1</source>
        <translation>, em %1</translation>
    </message>
    <message>
        <source>Route, read from the Received fields bottom-up</source>
        <translation>Rota, lida de baixo para cima nos campos Received</translation>
    </message>
    <message>
        <source>No Received field: the message never crossed SMTP.</source>
        <translation>Nenhum campo Received: a mensagem nunca passou por SMTP.</translation>
    </message>
    <message>
        <source>Stored in %1&apos;s mailbox at %2 (simulation clock).</source>
        <translation>Guardada na caixa postal de %1 em %2 (relógio da simulação).</translation>
    </message>
    <message>
        <source>Envelope and headers</source>
        <translation>Envelope e cabeçalhos</translation>
    </message>
    <message>
        <source>Envelope (SMTP MAIL FROM / RCPT TO)</source>
        <translation>Envelope (SMTP MAIL FROM / RCPT TO)</translation>
    </message>
    <message>
        <source>Headers (what the mail program shows)</source>
        <translation>Cabeçalhos (o que o programa de correio mostra)</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remetente</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(não registrado)</translation>
    </message>
    <message>
        <source>Return-Path: the reverse-path recorded at delivery</source>
        <translation>Return-Path: o caminho de retorno registrado na entrega</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatário</translation>
    </message>
    <message>
        <source>the mailbox it was delivered to</source>
        <translation>a caixa postal em que foi entregue</translation>
    </message>
    <message>
        <source>The envelope sender is empty (&lt;&gt;): this is a bounce, and a bounce is never bounced back (RFC 5321 section 4.5.5).</source>
        <translation>O remetente do envelope está vazio (&lt;&gt;): isto é uma devolução, e uma devolução nunca é devolvida (RFC 5321, seção 4.5.5).</translation>
    </message>
    <message>
        <source>The envelope sender and the From: header differ: bounces go to the envelope sender, the reader sees From:.</source>
        <translation>O remetente do envelope e o cabeçalho From: diferem: as devoluções vão para o remetente do envelope; o leitor vê o From:.</translation>
    </message>
    <message>
        <source>Bounces go to the envelope sender; the reader sees the From: header. Here they agree, but nothing forces them to.</source>
        <translation>As devoluções vão para o remetente do envelope; o leitor vê o cabeçalho From:. Aqui os dois coincidem, mas nada os obriga a isso.</translation>
    </message>
</context>
<context>
    <name>carteiro::app::MainWindow</name>
    <message>
        <source>Question</source>
        <translation>Pergunta</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>Diálogo</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>Sequência</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Carteiro</source>
        <translation>Carteiro</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>&amp;Abrir cenário…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;recentes</translation>
    </message>
    <message>
        <source>Save the run as a packet capture for Wireshark</source>
        <translation>Salvar a execução como uma captura de pacotes para o Wireshark</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Reprodução</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Reprodução</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Voltar ao início</translation>
    </message>
    <message>
        <source>Previous connection</source>
        <translation>Conexão anterior</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Passo atrás</translation>
    </message>
    <message>
        <source>One protocol line back</source>
        <translation>Uma linha de protocolo para trás</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Reproduzir / pausar</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Reproduzir ou pausar</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>Passo à frente</translation>
    </message>
    <message>
        <source>One protocol line forward</source>
        <translation>Uma linha de protocolo para a frente</translation>
    </message>
    <message>
        <source>Next connection</source>
        <translation>Próxima conexão</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fim</translation>
    </message>
    <message>
        <source>To the end</source>
        <translation>Até o fim</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Mais devagar</translation>
    </message>
    <message>
        <source>Half the speed</source>
        <translation>Metade da velocidade</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Mais rápido</translation>
    </message>
    <message>
        <source>Double the speed</source>
        <translation>O dobro da velocidade</translation>
    </message>
    <message>
        <source>Break things</source>
        <translation>Provocar falhas</translation>
    </message>
    <message>
        <source>Faults not saved</source>
        <translation>Falhas não salvas</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Caixas postais</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspecionar</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>Scenario not opened</source>
        <translation>Cenário não aberto</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Abrir cenário</translation>
    </message>
    <message>
        <source>Carteiro scenarios (*.yaml *.yml);;All files (*)</source>
        <translation>Cenários do Carteiro (*.yaml *.yml);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>Exportar captura</translation>
    </message>
    <message>
        <source>Packet captures (*.pcap);;All files (*)</source>
        <translation>Capturas de pacotes (*.pcap);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Capture not exported</source>
        <translation>Captura não exportada</translation>
    </message>
    <message>
        <source>There is no run to export: open a scenario first.</source>
        <translation>Não há execução para exportar: abra um cenário primeiro.</translation>
    </message>
    <message>
        <source>The capture could not be written: %1</source>
        <translation>Não foi possível gravar a captura: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n packet(s) written to %1</source>
        <translation>
            <numerusform>%n pacote gravado em %1</numerusform>
            <numerusform>%n pacotes gravados em %1</numerusform>
        </translation>
    </message>
    <message>
        <source>This scenario has errors and was not opened:
%1</source>
        <translation>Este cenário tem erros e não foi aberto:
%1</translation>
    </message>
    <message>
        <source>%1 — Carteiro</source>
        <translation>%1 — Carteiro</translation>
    </message>
    <message>
        <source>⏩ %1 of waiting skipped</source>
        <translation>⏩ espera de %1 pulada</translation>
    </message>
    <message>
        <source>✔ Right: %1.</source>
        <translation>✔ Certo: %1.</translation>
    </message>
    <message>
        <source>✘ Not quite: the answer is %1.</source>
        <translation>✘ Não exatamente: a resposta é %1.</translation>
    </message>
    <message>
        <source>%1  %2 is back up</source>
        <translation>%1  %2 voltou ao ar</translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) saved into %1</source>
        <translation>
            <numerusform>%n falha salva em %1</numerusform>
            <numerusform>%n falhas salvas em %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Edit scenario…</source>
        <translation>&amp;Editar cenário…</translation>
    </message>
    <message>
        <source>&amp;New from template…</source>
        <translation>&amp;Novo a partir de modelo…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>&amp;Transcript…</source>
        <translation>&amp;Transcrição…</translation>
    </message>
    <message>
        <source>The dialogue as text, Markdown or HTML</source>
        <translation>O diálogo como texto, Markdown ou HTML</translation>
    </message>
    <message>
        <source>&amp;Ladder diagram…</source>
        <translation>Diagrama de &amp;sequência…</translation>
    </message>
    <message>
        <source>The ladder diagram at this position as PNG or SVG</source>
        <translation>O diagrama de sequência nesta posição, em PNG ou SVG</translation>
    </message>
    <message>
        <source>&amp;Canvas…</source>
        <translation>Desenho da &amp;rede…</translation>
    </message>
    <message>
        <source>The network picture at this position as PNG or SVG</source>
        <translation>O desenho da rede nesta posição, em PNG ou SVG</translation>
    </message>
    <message>
        <source>Run &amp;report (PDF)…</source>
        <translation>R&amp;elatório da execução (PDF)…</translation>
    </message>
    <message>
        <source>Title, figures, ladder diagram and dialogue in one PDF</source>
        <translation>Título, números, diagrama de sequência e diálogo em um só PDF</translation>
    </message>
    <message>
        <source>Ca&amp;pture (pcap)…</source>
        <translation>Ca&amp;ptura (pcap)…</translation>
    </message>
    <message>
        <source>&amp;Predict the next reply</source>
        <translation>&amp;Prever a próxima resposta</translation>
    </message>
    <message>
        <source>Hide each server reply until you have chosen what it will be</source>
        <translation>Esconde cada resposta do servidor até você escolher qual ela será</translation>
    </message>
    <message>
        <source>Lesson &amp;summary…</source>
        <translation>Re&amp;sumo da aula…</translation>
    </message>
    <message>
        <source>Serve on 127.0.0.1</source>
        <translation>Servir em 127.0.0.1</translation>
    </message>
    <message>
        <source>Put this scenario&apos;s servers on real ports of this computer, so real mail programs (Thunderbird, swaks, curl, telnet) can use them; their sessions appear here as they happen</source>
        <translation>Coloca os servidores deste cenário em portas reais deste computador, para que programas de correio de verdade (Thunderbird, swaks, curl, telnet) possam usá-los; as sessões deles aparecem aqui enquanto acontecem</translation>
    </message>
    <message>
        <source>Not serving</source>
        <translation>Servidores não iniciados</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estatísticas</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>Modo de a&amp;presentação</translation>
    </message>
    <message>
        <source>Full screen, large text and arrows, for a projector (Esc leaves)</source>
        <translation>Tela cheia, texto e setas grandes, para projetor (Esc sai)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>&amp;Tema escuro</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>Exportar transcrição</translation>
    </message>
    <message>
        <source>Markdown (*.md);;Web page (*.html);;Text (*.txt);;All files (*)</source>
        <translation>Markdown (*.md);;Página web (*.html);;Texto (*.txt);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Transcript not exported</source>
        <translation>Transcrição não exportada</translation>
    </message>
    <message>
        <source>Export ladder diagram</source>
        <translation>Exportar diagrama de sequência</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg)</source>
        <translation>Imagem PNG (*.png);;Desenho SVG (*.svg)</translation>
    </message>
    <message>
        <source>Ladder diagram not exported</source>
        <translation>Diagrama de sequência não exportado</translation>
    </message>
    <message>
        <source>Export canvas</source>
        <translation>Exportar desenho da rede</translation>
    </message>
    <message>
        <source>Canvas not exported</source>
        <translation>Desenho da rede não exportado</translation>
    </message>
    <message>
        <source>Export run report</source>
        <translation>Exportar relatório da execução</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report not exported</source>
        <translation>Relatório não exportado</translation>
    </message>
    <message>
        <source>The transcript could not be written: %1</source>
        <translation>Não foi possível gravar a transcrição: %1</translation>
    </message>
    <message>
        <source>Transcript written to %1</source>
        <translation>Transcrição gravada em %1</translation>
    </message>
    <message>
        <source>Ladder diagram written to %1</source>
        <translation>Diagrama de sequência gravado em %1</translation>
    </message>
    <message>
        <source>Canvas written to %1</source>
        <translation>Desenho da rede gravado em %1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Relatório gravado em %1</translation>
    </message>
    <message>
        <source>There is nothing to serve: open a scenario first.</source>
        <translation>Não há nada para servir: abra um cenário primeiro.</translation>
    </message>
    <message>
        <source>The servers could not be started: %1</source>
        <translation>Não foi possível iniciar os servidores: %1</translation>
    </message>
    <message>
        <source>%1 %2 on port %3</source>
        <translation>%1 %2 na porta %3</translation>
    </message>
    <message>
        <source>Serving: %1</source>
        <translation>Servindo: %1</translation>
    </message>
    <message>
        <source>One real second is %1 virtual seconds</source>
        <translation>Um segundo real equivale a %1 segundos virtuais</translation>
    </message>
    <message>
        <source>✔ Right: %1. Continue to see the whole reply.</source>
        <translation>✔ Certo: %1. Clique em Continuar para ver a resposta inteira.</translation>
    </message>
    <message>
        <source>✘ Not quite: the answer is %1. Continue to see it.</source>
        <translation>✘ Não exatamente: a resposta é %1. Clique em Continuar para vê-la.</translation>
    </message>
    <message>
        <source>Predict the reply</source>
        <translation>Preveja a resposta</translation>
    </message>
</context>
<context>
    <name>carteiro::app::QueueInspector</name>
    <message>
        <source>MTA / queue id</source>
        <translation>MTA / id na fila</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remetente</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatários</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativas</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Próxima tentativa</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último erro</translation>
    </message>
    <message>
        <source>No scenario is open.</source>
        <translation>Nenhum cenário aberto.</translation>
    </message>
    <message>
        <source>%1 (1 message queued)</source>
        <translation>%1 (1 mensagem na fila)</translation>
    </message>
    <message>
        <source>%1 (%2 messages queued)</source>
        <translation>%1 (%2 mensagens na fila)</translation>
    </message>
    <message>
        <source>&lt;&gt; (a bounce)</source>
        <translation>&lt;&gt; (uma devolução)</translation>
    </message>
    <message>
        <source>trying now</source>
        <translation>tentando agora</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (daqui a %2)</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>tentativa %1</translation>
    </message>
    <message>
        <source>Every queue is empty at %1.</source>
        <translation>Todas as filas estão vazias em %1.</translation>
    </message>
    <message>
        <source>1 message waiting in the queues at %1.</source>
        <translation>1 mensagem esperando nas filas em %1.</translation>
    </message>
    <message>
        <source>%1 messages waiting in the queues at %2.</source>
        <translation>%1 mensagens esperando nas filas em %2.</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregue</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>adiada</translation>
    </message>
    <message>
        <source>bounced</source>
        <translation>devolvida</translation>
    </message>
</context>
<context>
    <name>carteiro::app::RunReport</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>Não foi possível gravar %1.</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Números</translation>
    </message>
    <message>
        <source>Virtual time: %1</source>
        <translation>Tempo virtual: %1</translation>
    </message>
    <message>
        <source>Messages taken into a queue: %1</source>
        <translation>Mensagens aceitas em uma fila: %1</translation>
    </message>
    <message>
        <source>Delivered to a mailbox: %1</source>
        <translation>Entregues em uma caixa postal: %1</translation>
    </message>
    <message>
        <source>Relayed to the next server: %1</source>
        <translation>Encaminhadas ao próximo servidor: %1</translation>
    </message>
    <message>
        <source>Attempts put off for a retry: %1</source>
        <translation>Tentativas adiadas para reenvio: %1</translation>
    </message>
    <message>
        <source>Bounced or refused: %1</source>
        <translation>Devolvidas ou recusadas: %1</translation>
    </message>
    <message>
        <source>Faults switched on or off: %1</source>
        <translation>Falhas ativadas ou desativadas: %1</translation>
    </message>
    <message>
        <source>TCP connections: %1 (refused or timed out: %2)</source>
        <translation>Conexões TCP: %1 (recusadas ou expiradas: %2)</translation>
    </message>
    <message>
        <source>%1: %2 connection(s), %3 line(s)</source>
        <translation>%1: %2 conexão(ões), %3 linha(s)</translation>
    </message>
    <message>
        <source>Ladder diagram</source>
        <translation>Diagrama de sequência</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>Diálogo</translation>
    </message>
</context>
<context>
    <name>carteiro::app::ScenarioEditor</name>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulário</translation>
    </message>
    <message>
        <source>Click a problem to go to its line and column</source>
        <translation>Clique em um problema para ir à linha e à coluna dele</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>Recuperar alterações não salvas?</translation>
    </message>
    <message>
        <source>Changes to %1 from %2 were never saved: Carteiro probably closed unexpectedly. Restore them? (No discards them.)</source>
        <translation>As alterações em %1 feitas em %2 nunca foram salvas: o Carteiro provavelmente fechou de forma inesperada. Restaurá-las? (Não as descarta.)</translation>
    </message>
    <message>
        <source>an untitled scenario</source>
        <translation>um cenário sem título</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Salvar cenário</translation>
    </message>
    <message>
        <source>Carteiro scenarios (*.yaml *.yml)</source>
        <translation>Cenários do Carteiro (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Salvar as alterações em %1?</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Cenário</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Salvar &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Run in the classroom window</source>
        <translation>&amp;Executar na janela da aula</translation>
    </message>
    <message>
        <source>Play the scenario as edited (Ctrl+R)</source>
        <translation>Reproduz o cenário como está editado (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sem título</translation>
    </message>
    <message>
        <source>%1[*] — Carteiro scenario editor</source>
        <translation>%1[*] — editor de cenários do Carteiro</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>Não foi possível abrir %1: %2</translation>
    </message>
    <message>
        <source>Unsaved changes restored</source>
        <translation>Alterações não salvas restauradas</translation>
    </message>
    <message>
        <source>New scenario from %1; Save asks where to keep it</source>
        <translation>Novo cenário a partir de %1; ao salvar, você escolhe onde guardá-lo</translation>
    </message>
    <message>
        <source>No problems: the scenario is ready to run.</source>
        <translation>Nenhum problema: o cenário está pronto para executar.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): click one to go to it.</source>
        <translation>
            <numerusform>%n problema: clique nele para ir até a linha dele.</numerusform>
            <numerusform>%n problemas: clique em um para ir até a linha dele.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scenario not saved</source>
        <translation>Cenário não salvo</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 salvo</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1, with %n problem(s)</source>
        <translation>
            <numerusform>%1 salvo, com %n problema</numerusform>
            <numerusform>%1 salvo, com %n problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the problems listed below before running.</source>
        <translation>Corrija os problemas listados abaixo antes de executar.</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation> (editado)</translation>
    </message>
    <message>
        <source>Edit scenario</source>
        <translation>Editar cenário</translation>
    </message>
    <message>
        <source>Carteiro scenarios (*.yaml *.yml);;All files (*)</source>
        <translation>Cenários do Carteiro (*.yaml *.yml);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Scenario not opened</source>
        <translation>Cenário não aberto</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>Novo a partir de modelo</translation>
    </message>
    <message>
        <source>Start from a scenario that comes with Carteiro:</source>
        <translation>Comece por um cenário que vem com o Carteiro:</translation>
    </message>
</context>
<context>
    <name>carteiro::app::ScenarioForm</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Local domains</source>
        <translation>Domínios locais</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Serviços</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Submits to</source>
        <translation>Submete a</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domínio</translation>
    </message>
    <message>
        <source>MX records (host preference, …)</source>
        <translation>Registros MX (host preferência, …)</translation>
    </message>
    <message>
        <source>Address (a: true)</source>
        <translation>Endereço (a: true)</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Details (YAML)</source>
        <translation>Detalhes (YAML)</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuários</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Steps and faults</source>
        <translation>Passos e falhas</translation>
    </message>
    <message>
        <source>Roles: mta, client, dns, webmail. Lists are separated by commas.</source>
        <translation>Papéis: mta, client, dns, webmail. As listas são separadas por vírgulas.</translation>
    </message>
    <message>
        <source>Each user&apos;s mailbox lives on the MTA whose local domains include the address.</source>
        <translation>A caixa postal de cada usuário fica no MTA cujos domínios locais incluem o endereço.</translation>
    </message>
    <message>
        <source>MX records as &quot;host preference&quot; pairs, e.g. &quot;mx1.example.org 10, mx2.example.org 20&quot;.</source>
        <translation>Registros MX como pares &quot;host preferência&quot;, por exemplo &quot;mx1.example.org 10, mx2.example.org 20&quot;.</translation>
    </message>
    <message>
        <source>Details are the step&apos;s action as one line of YAML, e.g. {kind: down, host: mx1, for: 2h}. Double-click a step written over several lines to edit it as text.</source>
        <translation>Os detalhes são a ação do passo em uma linha de YAML, por exemplo {kind: down, host: mx1, for: 2h}. Clique duas vezes em um passo escrito em várias linhas para editá-lo como texto.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Enviar uma mensagem</translation>
    </message>
    <message>
        <source>Fetch mail</source>
        <translation>Buscar mensagens</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Falha</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Mover para cima</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Mover para baixo</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>%1 reads mail by %2</source>
        <translation>%1 lê as mensagens por %2</translation>
    </message>
    <message>
        <source>%1 types to %2 port %3</source>
        <translation>%1 digita para %2 na porta %3</translation>
    </message>
    <message>
        <source>%1 works on folders by IMAP</source>
        <translation>%1 trabalha nas pastas por IMAP</translation>
    </message>
    <message>
        <source>fault %1 %2</source>
        <translation>falha %1 %2</translation>
    </message>
    <message>
        <source>(written over several lines)</source>
        <translation>(escrito em várias linhas)</translation>
    </message>
    <message>
        <source>This section is written on one line; edit it in the Text tab.</source>
        <translation>Esta seção está escrita em uma só linha; edite-a na aba Texto.</translation>
    </message>
    <message>
        <source>Double-click to edit this step in the Text tab.</source>
        <translation>Clique duas vezes para editar este passo na aba Texto.</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Novo usuário</translation>
    </message>
    <message>
        <source>Hello</source>
        <translation>Olá</translation>
    </message>
    <message>
        <source>Hello!</source>
        <translation>Olá!</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nova nota</translation>
    </message>
</context>
<context>
    <name>carteiro::app::StatisticsView</name>
    <message>
        <source>Queue length per mail server</source>
        <translation>Tamanho da fila por servidor de correio</translation>
    </message>
    <message>
        <source>Delivery attempts and outcomes</source>
        <translation>Tentativas de entrega e resultados</translation>
    </message>
    <message>
        <source>Time each message waited in a queue</source>
        <translation>Tempo que cada mensagem esperou na fila</translation>
    </message>
    <message>
        <source>Lines per protocol</source>
        <translation>Linhas por protocolo</translation>
    </message>
    <message>
        <source>Queue length: the %1 busiest of %2 mail servers</source>
        <translation>Tamanho da fila: os %1 mais ocupados de %2 servidores de correio</translation>
    </message>
    <message>
        <source>virtual time (minutes)</source>
        <translation>tempo virtual (minutos)</translation>
    </message>
    <message>
        <source>messages queued</source>
        <translation>mensagens na fila</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregues</translation>
    </message>
    <message>
        <source>relayed</source>
        <translation>encaminhadas</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>adiadas</translation>
    </message>
    <message>
        <source>bounced</source>
        <translation>devolvidas</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>mensagens</translation>
    </message>
    <message>
        <source>count</source>
        <translation>quantidade</translation>
    </message>
    <message>
        <source>one message</source>
        <translation>uma mensagem</translation>
    </message>
    <message>
        <source>queued at (minutes)</source>
        <translation>entrou na fila em (minutos)</translation>
    </message>
    <message>
        <source>waited (minutes)</source>
        <translation>esperou (minutos)</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>linhas</translation>
    </message>
    <message>
        <source>protocol (connections)</source>
        <translation>protocolo (conexões)</translation>
    </message>
</context>
<context>
    <name>carteiro::app::TimelineWidget</name>
    <message>
        <source>Timeline: click or drag to go to a moment of the run. Red: faults, orange: retries, purple: bounces, green: deliveries, blue: notes and questions.</source>
        <translation>Linha do tempo: clique ou arraste para ir a um momento da execução. Vermelho: falhas; laranja: novas tentativas; roxo: devoluções; verde: entregas; azul: notas e perguntas.</translation>
    </message>
</context>
<context>
    <name>carteiro::app::TopologyScene</name>
    <message>
        <source>queue: %1</source>
        <translation>fila: %1</translation>
    </message>
    <message>
        <source>✉ +%1 more</source>
        <translation>✉ +%1 outras</translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation>FORA DO AR</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>other hosts</source>
        <translation>outros hosts</translation>
    </message>
</context>
<context>
    <name>carteiro::app::savePicture</name>
    <message>
        <source>Drawn by Carteiro</source>
        <translation>Desenhado pelo Carteiro</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Não foi possível gravar %1.</translation>
    </message>
    <message>
        <source>Pictures are saved as .png or .svg, not .%1.</source>
        <translation>As imagens são salvas como .png ou .svg, não .%1.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Internet mail simulator for networking classes</source>
        <translation>Simulador do correio eletrônico da Internet para aulas de redes</translation>
    </message>
    <message>
        <source>Scenario file to open</source>
        <translation>Arquivo de cenário a abrir</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit</source>
        <translation>Salvar uma imagem da janela em FILE e sair</translation>
    </message>
    <message>
        <source>Start N protocol lines into the run</source>
        <translation>Começar N linhas de protocolo adiante na execução</translation>
    </message>
    <message>
        <source>Scenario not opened</source>
        <translation>Cenário não aberto</translation>
    </message>
    <message>
        <source>Show the window in LANGUAGE: en (English) or pt (Portuguese) instead of the system&apos;s language</source>
        <translation>Mostrar a janela no idioma LANGUAGE: en (inglês) ou pt (português), em vez do idioma do sistema</translation>
    </message>
    <message>
        <source>Unknown language %1: use en or pt.</source>
        <translation>Idioma desconhecido %1: use en ou pt.</translation>
    </message>
    <message>
        <source>Start in presentation mode (full screen, large text)</source>
        <translation>Começar no modo de apresentação (tela cheia, texto grande)</translation>
    </message>
</context>
</TS>
