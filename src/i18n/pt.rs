//! Portuguese (Brazil): every word a person reads, in this one file, in
//! the formal register of an official meeting.

use std::fmt::Display;

use super::cli_words::{CliWords, HelpPage, arg};
use super::offline::count;
use super::ssh::ascii;
use super::workshop::ascii_short;
use super::{FileKind, KeyWords, Language, PlanWords, PollScreenWords, PollWords, Strings};
use crate::model::patch::TextField;
use crate::model::poll::{BallotFault, BallotRefused, MAX_REASON_CHARS, PollRefused};
use crate::model::workshop::ItemKind;

pub struct Pt;

impl Language for Pt {
    fn t(&self) -> &'static Strings {
        &STRINGS
    }

    fn country_name(&self, stored: &str) -> Option<&'static str> {
        Some(match stored {
            "Belize" => "Belize",
            "Brasil" => "Brasil",
            "Canadá" => "Canadá",
            "Colombia" => "Colômbia",
            "Ecuador" => "Equador",
            "Estados Unidos" => "Estados Unidos",
            "México" => "México",
            "Nicaragua" => "Nicarágua",
            "Panamá" => "Panamá",
            "República Dominicana" => "República Dominicana",
            _ => return None,
        })
    }

    // Counts, titles, sessions and their files, the schedule, the command line.
    fn inputs(&self, n: usize) -> String {
        match n {
            1 => "1 contribuição".into(),
            n => format!("{n} contribuições"),
        }
    }

    fn groups(&self, n: usize) -> String {
        match n {
            1 => "1 grupo".into(),
            n => format!("{n} grupos"),
        }
    }

    fn item_of(&self, i: usize, n: usize) -> String {
        format!("Item {i} de {n}")
    }

    fn group_of(&self, i: usize, n: usize) -> String {
        format!("Grupo {i} de {n}")
    }

    fn part_of(&self, i: usize, n: usize) -> String {
        format!("Etapa {i} de {n}")
    }

    fn report_of(&self, i: usize, n: usize) -> String {
        format!("Grupo {i} de {n} apresenta")
    }

    fn axis_label(&self, number: u32) -> String {
        format!("Eixo {number}")
    }

    fn new_input_title(&self, axis: &dyn Display) -> String {
        format!(" Nova contribuição — {axis} ")
    }

    fn edit_input_title(&self, n: usize) -> String {
        format!(" Editar contribuição {n} ")
    }

    fn role_title(&self, role: &str, group: usize) -> String {
        format!(" {role} do grupo {group} ")
    }

    fn saved_at(&self, time: &dyn Display) -> String {
        format!("Salvo {time}")
    }

    fn save_failed(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!(
            "Não foi possível salvar {path}: {reason}! O texto continua na memória; Ctrl+S tenta de novo."
        )
    }

    fn too_small(&self, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
        format!("Janela pequena demais ({w}×{h}). É preciso pelo menos {min_w}×{min_h}.")
    }

    fn no_sessions_in(&self, dir: &dyn Display) -> String {
        format!("Ainda não há sessões salvas em {dir}")
    }

    fn created(&self, path: &dyn Display) -> String {
        format!("Sessão criada: {path}")
    }

    fn cannot_open(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("Não é possível abrir {path}: {reason}")
    }

    fn saved_in(&self, path: &dyn Display) -> String {
        format!("Sessão salva em {path}")
    }

    fn read_only(&self, holder: &dyn Display) -> String {
        format!("Somente leitura: em uso pelo {holder}")
    }

    fn too_large(&self, bytes: u64, max: u64) -> String {
        let mb = |b: u64| b / (1024 * 1024);
        format!(
            "é grande demais para ser uma sessão ({} MB; o máximo é {} MB)",
            mb(bytes),
            mb(max)
        )
    }

    fn too_large_to_write(&self, bytes: u64, max: u64) -> String {
        let mb = |b: u64| b.div_ceil(1024 * 1024);
        format!(
            "não foi gravado: seriam {} MB e o taller só abre sessões de até {} MB; o arquivo anterior fica como estava",
            mb(bytes),
            mb(max)
        )
    }

    fn in_use(&self, holder: &dyn Display) -> String {
        format!("não é possível alterar: a sessão está aberta pelo {holder}; feche-a lá primeiro")
    }

    fn holder(&self, pid: &dyn Display, host: &dyn Display) -> String {
        format!("processo {pid} em {host}")
    }

    fn backups_hint(&self, n: usize, when: &str, name: &str) -> String {
        format!(
            ". Cópia boa mais recente: a {n}, de {when}. Para recuperá-la: taller restore \"{name}\" {n}"
        )
    }

    fn no_backups(&self, path: &dyn Display) -> String {
        format!("Não há cópias de segurança de {path}")
    }

    fn no_such_backup(&self, n: usize, count: usize) -> String {
        format!("não há cópia número {n}: há {count}")
    }

    fn restored_from(&self, n: usize, path: &dyn Display) -> String {
        format!("Cópia {n} restaurada em {path}; o arquivo anterior ficou como cópia 1.")
    }

    fn unsaved_recovered(
        &self,
        path: &dyn Display,
        reason: &dyn Display,
        copy: &dyn Display,
    ) -> String {
        format!(
            "não foi possível salvar {path} ({reason}); a sessão, com tudo o que foi escrito, ficou em {copy}, que “taller open” abre"
        )
    }

    fn unsaved_lost(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!(
            "não foi possível salvar {path} ({reason}) nem gravar um arquivo de recuperação em nenhuma pasta: o que não foi salvo se perdeu"
        )
    }

    fn crashed_saved(&self, path: &dyn Display) -> String {
        format!(
            "o taller falhou, mas nada se perdeu: a sessão, com o que estava no editor, está em {path}"
        )
    }

    fn trashed(&self, path: &dyn Display) -> String {
        format!("Movida para a lixeira: {path}")
    }

    fn cannot_write(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("Não é possível gravar {path}: {reason}")
    }

    fn default_workshop_hint(&self, title: &dyn Display) -> String {
        format!("oficina padrão: {title}")
    }

    fn not_json(&self, line: usize, column: usize, reason: &dyn Display) -> String {
        format!("não é JSON válido (linha {line}, coluna {column}: {reason})")
    }

    fn invalid_session(&self, line: usize, column: usize, reason: &dyn Display) -> String {
        format!("a sessão tem dados inválidos (linha {line}, coluna {column}: {reason})")
    }

    fn newer_schema(&self, found: u64, supported: u32) -> String {
        format!(
            "foi gravada por uma versão mais nova do taller (esquema {found}; esta versão entende até {supported}). Atualize o taller; o arquivo não foi modificado."
        )
    }

    fn session_exists(&self, name: &dyn Display) -> String {
        format!("já existe uma sessão chamada “{name}”; use outro nome ou “taller open {name}”")
    }

    fn workshop_for_new_only(&self, name: &dyn Display) -> String {
        format!(
            "a sessão “{name}” já existe e tem a sua oficina; --workshop serve apenas para uma sessão nova: “taller serve {name}” a transmite como está"
        )
    }

    fn duration_out_of_range(&self, field: &str, value: u64, max: u64) -> String {
        format!("o campo {field} está fora do intervalo ({value}; o máximo é {max})")
    }

    fn time_out_of_range(
        &self,
        field: &str,
        value: &dyn Display,
        earliest: i16,
        latest: i16,
    ) -> String {
        format!(
            "o campo {field} tem uma data fora do intervalo ({value}; são aceitos os anos de {earliest} a {latest})"
        )
    }

    fn renewed_ids(&self, n: usize) -> String {
        match n {
            1 => "1 contribuição com id repetido recebeu um id novo".into(),
            n => format!("{n} contribuições com id repetido receberam um id novo"),
        }
    }

    fn minutes_refused(&self, text: &str, max: u32) -> String {
        format!("“{text}” não é uma duração válida: digite os minutos, de 1 a {max}")
    }

    fn drift(&self, minutes: i64) -> String {
        match minutes {
            0 => "no horário".into(),
            m if m > 0 => format!("+{m} min de atraso"),
            m => format!("{} min adiantado", -m),
        }
    }

    fn drift_on(&self, day: jiff::civil::Date, minutes: i64) -> String {
        let date = day.strftime("%d/%m/%Y");
        format!("{date}: {}", self.drift(minutes))
    }

    fn expected_end(&self, time: &dyn Display) -> String {
        format!("término previsto {time}")
    }

    fn minutes_title(&self, item: &dyn Display) -> String {
        format!(" Minutos previstos — {item} ")
    }

    fn minutes_every_breakout_title(&self, breakout: &dyn Display) -> String {
        format!(" Minutos previstos de todos os grupos — {breakout} ")
    }

    fn minutes_every_report_title(&self) -> String {
        " Minutos previstos de todos os grupos — apresentação ".to_string()
    }

    fn time_of_day(&self, time: &dyn Display) -> String {
        format!("hora {time}")
    }

    fn cannot_listen(&self, address: &str, reason: &str) -> String {
        format!(
            "Não é possível escutar em {address}: {reason} (outro taller já está transmitindo ali? use --listen)"
        )
    }

    fn bad_authorized_key(&self, file: &str, line: &str) -> String {
        format!("{file}: linha inválida ({line}); cada linha é `PAPEL ssh-ed25519 AAAA…`")
    }

    fn keys_missing(&self) -> &'static str {
        "não existe"
    }

    fn keys_not_regular(&self) -> &'static str {
        "não é um arquivo comum (um pipe, um dispositivo?)"
    }

    fn keys_too_large(&self, max_kib: u64) -> String {
        format!("grande demais para chaves autorizadas (mais de {max_kib} KiB)")
    }

    fn serving_held(&self, holder: &str) -> String {
        format!("Não é possível transmitir esta sessão: {holder}. Feche-a lá primeiro.")
    }

    fn join_addresses(&self, addresses: &str) -> String {
        format!("Se não conectar, tente outro endereço deste computador: {addresses}")
    }

    fn join_fingerprint(&self, fingerprint: &str) -> String {
        format!("Na primeira vez, o ssh mostra uma impressão digital: deve ser {fingerprint}")
    }

    fn join_web(&self, link: &str) -> String {
        format!("Os telefones votam em {link}")
    }

    fn settings_line(&self, bell: bool) -> String {
        let on = if bell { "sim" } else { "não" };
        format!("b  campainha: {on} · i  início previsto · n  próximo item · Esc volta")
    }

    fn time_refused(&self, text: &str) -> String {
        format!("“{text}” não é um horário: digite HH:MM, por exemplo 09:30")
    }

    fn moved_to(&self, group: &dyn Display) -> String {
        format!("Contribuição movida para “{group}”. “u” a devolve.")
    }

    fn similar_to(&self, number: &dyn Display, group: &dyn Display) -> String {
        format!("possível duplicata da contribuição {number} de “{group}” (g para ir)")
    }

    fn more_text(&self, bytes: usize) -> String {
        let kb = bytes.div_ceil(1024);
        format!("… continua ({kb} KB a mais; Enter para ver tudo)")
    }

    fn participants_title(&self, group: usize) -> String {
        format!(" Participantes do grupo {group} ")
    }

    fn other_workshop(&self, file: &str, workshop: &str, expected: &str) -> String {
        format!("{file} é de outra oficina (“{workshop}”, não “{expected}”)")
    }

    fn similar_in_plan(&self, opening: &str, group: &dyn Display) -> String {
        format!("possível duplicata de “{opening}”, de “{group}”")
    }

    fn consolidated(&self, inputs: usize, files: usize, dir: &dyn Display) -> String {
        format!(
            "{} de {} consolidadas em {dir}: plan.md, plan.csv, plan.json",
            count(inputs, "contribuição", "contribuições"),
            count(files, "arquivo", "arquivos")
        )
    }

    fn skipped(&self, reason: &dyn Display) -> String {
        format!("omitido — {reason}")
    }

    fn votes(&self, n: u32) -> String {
        match n {
            1 => "1 voto".into(),
            n => format!("{n} votos"),
        }
    }

    fn imported(&self, added: usize, updated: usize, from: &dyn Display) -> String {
        format!(
            "{} e {} {}, trazidas de {from}",
            count(added, "contribuição nova", "contribuições novas"),
            updated,
            if updated == 1 {
                "atualizada"
            } else {
                "atualizadas"
            }
        )
    }

    fn name_too_long(&self, max: usize) -> String {
        format!(
            "o nome é longo demais: no máximo {max} caracteres (menos com emoji ou alfabetos não latinos)"
        )
    }

    fn cli_unexpected_argument(&self, arg: &str) -> String {
        format!("argumento inesperado “{arg}”")
    }

    fn cli_unknown_command(&self, name: &str) -> String {
        format!("não existe o comando “{name}”")
    }

    fn cli_missing_value(&self, arg: &str) -> String {
        format!("falta o valor de “{arg}”")
    }

    fn cli_invalid_value(&self, value: &str, arg: &str) -> String {
        format!("valor inválido “{value}” para “{arg}”")
    }

    fn cli_possible_values(&self, values: &str) -> String {
        format!("valores possíveis: {values}")
    }

    fn cli_missing_arguments(&self) -> &'static str {
        "faltam estes argumentos obrigatórios:"
    }

    fn cli_unexpected_value(&self, value: &str, arg: &str) -> String {
        format!("valor inesperado “{value}” para “{arg}”: não se esperavam mais")
    }

    fn cli_conflict(&self, arg: &str, other: &str) -> String {
        format!("o argumento “{arg}” não pode ser usado junto com “{other}”")
    }

    fn cli_used_twice(&self, arg: &str) -> String {
        format!("o argumento “{arg}” não pode ser informado mais de uma vez")
    }

    fn cli_no_equals(&self, arg: &str) -> String {
        format!("é preciso um sinal = para informar o valor de “{arg}”")
    }

    fn cli_needs_command(&self, name: &str) -> String {
        format!("“{name}” precisa de um comando")
    }

    fn cli_invalid_utf8(&self) -> &'static str {
        "um argumento não é texto válido (UTF-8)"
    }

    fn cli_did_you_mean(&self, suggestion: &str) -> String {
        format!("sugestão: quis dizer “{suggestion}”?")
    }

    fn cli_usage(&self, usage: &str) -> String {
        format!("Uso: {usage}")
    }

    fn cli_try_help(&self) -> &'static str {
        "Para mais informações, experimente “--help”."
    }

    fn file_kind(&self, kind: FileKind) -> &'static str {
        match kind {
            FileKind::Fifo => "um pipe nomeado (FIFO)",
            FileKind::Device => "um dispositivo",
            FileKind::Socket => "um socket",
            FileKind::Symlink => "um link simbólico",
            FileKind::Folder => "uma pasta",
            FileKind::HardLinked => "um arquivo com outros nomes (link físico)",
            FileKind::Other => "algo que não é um arquivo",
        }
    }

    fn not_regular(&self, kind: FileKind) -> String {
        let what = self.file_kind(kind);
        format!("não é um arquivo comum, e sim {what}; não é lido")
    }

    fn unsafe_path(&self, path: &dyn Display, kind: FileKind) -> String {
        let what = self.file_kind(kind);
        match kind {
            FileKind::Symlink => format!(
                "{path} é um link simbólico; o taller não grava através dele. Se ele não foi criado de propósito, outra pessoa pode gravar nesta pasta: verifique-a e apague o link"
            ),
            FileKind::HardLinked => format!(
                "{path} é um link físico para outro arquivo; o taller não grava nele, porque alteraria esse arquivo. Se ele não foi criado de propósito, outra pessoa pode gravar nesta pasta: verifique-a e apague {path}"
            ),
            FileKind::Other => {
                format!("{path} pertence a outro usuário; o taller não o usa. Verifique a pasta")
            }
            _ => format!("{path} é {what}, não o que o taller espera ali; apague-o ou mova-o"),
        }
    }

    fn shared_dir_refused(&self, dir: &dyn Display, mode: u32) -> String {
        format!(
            "outros usuários podem gravar na pasta {dir} (permissões {mode:o}): poderiam ler, alterar ou substituir as sessões. Use uma pasta privada (chmod 700 {dir}) ou, se souber disso e aceitar, acrescente --allow-shared-dir"
        )
    }

    fn shared_dir_warning(&self, dir: &dyn Display, mode: u32) -> String {
        format!(
            "aviso: outros usuários podem gravar na pasta {dir} (permissões {mode:o}); o taller não salvará sessões ali sem --allow-shared-dir"
        )
    }

    fn backup_damaged(
        &self,
        n: usize,
        copy: &dyn Display,
        reason: &dyn Display,
        name: &str,
    ) -> String {
        format!(
            "a cópia {n} está danificada e não foi restaurada ({copy}: {reason}). A sessão não mudou; “taller restore \"{name}\"” lista as demais cópias"
        )
    }

    fn out_is_a_file(&self, path: &dyn Display) -> String {
        format!(
            "{path} já existe e é um arquivo, não uma pasta: --out precisa de uma pasta (nova ou existente) para plan.md, plan.csv e plan.json. Escolha outro caminho"
        )
    }

    fn backup_failed(&self, folder: &dyn Display, reason: &dyn Display) -> String {
        format!("Salvo sem cópia de segurança: {reason} (pasta {folder})")
    }

    fn out_not_regular(&self, path: &dyn Display, kind: FileKind) -> String {
        let what = self.file_kind(kind);
        format!(
            "{path} já existe e é {what}: --out só substitui um arquivo comum, e o taller não grava através de {what}. Escolha outro caminho"
        )
    }

    fn out_is_a_folder(&self, path: &dyn Display) -> String {
        format!(
            "{path} é uma pasta: --out precisa do caminho de um arquivo, por exemplo {path}/horario.csv"
        )
    }

    // The agenda changed on the day (issue 15): prompts, questions, refusals and help of the agenda keys.
    fn refused_no_item(&self) -> &'static str {
        "Esse item da pauta já não existe (alguém o retirou)"
    }

    fn refused_empty_title(&self) -> &'static str {
        "O título não pode ficar vazio"
    }

    fn refused_last_group(&self) -> &'static str {
        "A oficina precisa de pelo menos um grupo: este é o último"
    }

    fn refused_last_item(&self) -> &'static str {
        "A pauta precisa de pelo menos um item: este é o último"
    }

    fn refused_group_has_inputs(&self, count: usize) -> String {
        format!(
            "O grupo tem {}: indique para qual grupo elas passam antes de excluí-lo",
            self.inputs(count)
        )
    }

    fn break_title(&self) -> &'static str {
        "Intervalo"
    }

    fn new_item_title(&self, kind: ItemKind) -> &'static str {
        match kind {
            ItemKind::Item => " Novo item da pauta: título ",
            ItemKind::Break | ItemKind::Lunch => " Novo intervalo: título ",
        }
    }

    fn item_title_prompt(&self, n: usize) -> String {
        format!(" Título do item {n} ")
    }

    fn new_group_title(&self) -> &'static str {
        " Novo grupo: nome "
    }

    fn group_title_prompt(&self, n: usize) -> String {
        format!(" Nome do grupo {n} ")
    }

    fn refused_text_stays(&self, reason: &str) -> String {
        format!("{reason} · o seu texto continua aqui: Esc outra vez o guarda como rascunho")
    }

    fn draft_kept(&self) -> &'static str {
        "O seu texto fica guardado como rascunho: pressione a em um grupo onde possa escrever e ele volta ao editor"
    }

    fn draft_kept_nowhere(&self, text: &str) -> String {
        let text = text.replace('\n', " / ");
        format!(
            "O seu grupo já não existe e não é possível escrever em outro; o seu texto, para copiá-lo: “{text}”"
        )
    }

    fn draft_back(&self) -> &'static str {
        "O seu rascunho guardado volta ao editor"
    }

    fn prompt_gone(&self) -> &'static str {
        " (já não está na pauta) "
    }

    fn group_added(&self, short: &str) -> String {
        format!("Grupo adicionado · nome curto: {short}")
    }

    fn item_removed(&self, title: &str) -> String {
        format!("Retirado: {title} · u o devolve")
    }

    fn group_removed(&self, title: &str, inputs: usize, into: Option<usize>) -> String {
        match into {
            Some(into) => format!(
                "Grupo excluído; {} para o grupo {into} · u o devolve",
                self.inputs(inputs)
            ),
            None => format!("Grupo excluído: {title} · u o devolve"),
        }
    }

    fn confirm_remove_item(&self) -> &'static str {
        "Retirar este item da pauta? O seu relógio para; u o devolve com o seu tempo."
    }

    fn confirm_remove_group(&self) -> &'static str {
        "Excluir este grupo? O seu relógio para; u o devolve."
    }

    fn remove_group_into(&self, title: &str, inputs: usize) -> String {
        format!("Excluir o grupo “{title}”? As suas contribuições ({inputs}) passam para o grupo:")
    }

    fn remove_group_keys(&self) -> &'static str {
        "← →: escolhe o grupo · s / Enter: excluir · n / Esc: não"
    }

    fn key_add_item(&self) -> &'static str {
        "adicionar um item após o selecionado (título e minutos)"
    }

    fn key_add_break(&self) -> &'static str {
        "adicionar um intervalo após o selecionado"
    }

    fn key_rename_item(&self) -> &'static str {
        "alterar o título do item"
    }

    fn key_move_item(&self) -> &'static str {
        "subir / descer o item na pauta"
    }

    fn key_remove_item(&self) -> &'static str {
        "retirar o item da pauta (pergunta antes)"
    }

    fn key_add_group(&self) -> &'static str {
        "adicionar um grupo (o seu nome)"
    }

    fn key_rename_group(&self) -> &'static str {
        "alterar o nome do grupo"
    }

    fn key_remove_group(&self) -> &'static str {
        "excluir o grupo (pergunta antes; as suas contribuições passam para outro)"
    }

    // The footer's words.
    fn key_words(&self) -> &'static KeyWords {
        &KEY_WORDS
    }

    // Two people's edits of one text merged (issue 21).
    fn input_field(&self, number: &str, field: TextField) -> String {
        let field = match field {
            TextField::Text => "texto",
            TextField::Observations => "observações",
        };
        format!("Contribuição {number} ({field})")
    }

    fn participants_of(&self, group: &str) -> String {
        format!("Participantes de “{group}”")
    }

    fn roster_of(&self, role: crate::model::session::RosterRole, group: &str) -> String {
        use crate::model::session::RosterRole;
        match role {
            RosterRole::Facilitator => format!("Facilitador(a) de “{group}”"),
            RosterRole::Rapporteur => format!("Relator(a) de “{group}”"),
        }
    }

    fn merged_with_others(&self, what: &str) -> String {
        format!(
            "{what}: outra pessoa alterou isto enquanto você escrevia; as alterações de ambos são mantidas"
        )
    }

    fn overlapped_yours_kept(&self, what: &str) -> String {
        format!(
            "{what}: outra pessoa alterou as mesmas palavras enquanto você escrevia; ficam as suas e, marcadas “⟦outra versão: …⟧”, as da outra pessoa. Revise"
        )
    }

    fn overlapped_yours_marked(&self, what: &str) -> String {
        format!(
            "{what}: outra pessoa alterou as mesmas palavras que você; ficam as dela, e as suas seguem marcadas “⟦outra versão: …⟧”. Revise"
        )
    }

    // The offline day (issue 12): group laptops, import, the plan.
    fn merge_group_report(
        &self,
        number: &str,
        added: usize,
        updated: usize,
        deleted: usize,
        roster: bool,
    ) -> String {
        // "contribuição" is feminine: "1 nova, 2 atualizadas".
        let mut counts = Vec::new();
        for (n, (one, many)) in [
            (added, ("nova", "novas")),
            (updated, ("atualizada", "atualizadas")),
            (deleted, ("excluída", "excluídas")),
        ] {
            if n > 0 {
                counts.push(count(n, one, many));
            }
        }
        let mut text = format!("Grupo {number}: {}", counts.join(", "));
        if roster {
            if !counts.is_empty() {
                text.push_str("; ");
            }
            text.push_str("relatoria atualizada");
        }
        text
    }

    fn merge_nothing_new(&self) -> &'static str {
        "nada de novo"
    }

    fn merge_clocks(&self, n: usize) -> String {
        count(n, "relógio atualizado", "relógios atualizados")
    }

    fn merge_outside(&self, n: usize) -> String {
        format!(
            "{} fora do seu grupo não {}: um arquivo de grupo altera apenas o seu grupo",
            count(n, "alteração", "alterações"),
            if n == 1 {
                "foi aceita"
            } else {
                "foram aceitas"
            }
        )
    }

    fn merge_verdicts_refused(&self, n: usize) -> String {
        format!(
            "{} da plenária (status, votos, observações) não {}: vêm apenas da sessão da plenária",
            count(n, "decisão", "decisões"),
            if n == 1 {
                "foi aceita"
            } else {
                "foram aceitas"
            }
        )
    }

    fn merge_future(&self, n: usize, latest: jiff::Timestamp) -> String {
        // In words, as the rest of the sentence: "1 de janeiro de 2999, 00:00 UTC".
        let at = latest.to_zoned(jiff::tz::TimeZone::UTC);
        let latest = format!(
            "{}, {} UTC",
            self.date_in_words(at.date()),
            at.strftime("%H:%M")
        );
        format!(
            "{} com data futura (até {latest}) não {}: relógio adiantado nesse computador? O que está aqui permanece; o novo entra com a hora atual",
            count(n, "alteração", "alterações"),
            if n == 1 { "prevaleceu" } else { "prevaleceram" }
        )
    }

    fn merge_words(&self, merged: &[String], overlapped: &[String]) -> String {
        let (merged, overlapped) = (merged.join(", "), overlapped.join(", "));
        let mut text =
            format!("alterado nos dois computadores, combinado palavra por palavra: {merged}");
        if !overlapped.is_empty() {
            text.push_str(&format!(
                " (em {overlapped} mudaram as mesmas palavras: ambas são mantidas, a outra marcada “⟦outra versão: …⟧”)"
            ));
        }
        text
    }

    fn merge_versions(&self, n: usize) -> String {
        format!(
            "{} com dois textos diferentes: ambos são mantidos, o outro marcado “⟦outra versão: …⟧”",
            count(n, "contribuição", "contribuições")
        )
    }

    fn imported_from(&self, from: &dyn Display, what: &str) -> String {
        format!("Trazido de {from}: {what}")
    }

    fn no_sessions_in_folder(&self, dir: &dyn Display) -> String {
        format!("{dir} não tem arquivos de sessão (.json)")
    }

    fn files_in_folder(&self, n: usize, dir: &dyn Display) -> String {
        format!("{} de {dir}", count(n, "arquivo", "arquivos"))
    }

    fn plan_words(&self) -> &'static PlanWords {
        &PLAN_WORDS
    }

    fn poll_words(&self) -> &'static PollWords {
        &POLL_WORDS
    }

    fn poll_turnout(&self, voted: usize, could: usize) -> String {
        format!("{voted} de {could} votaram")
    }

    fn poll_points(&self, n: u32) -> String {
        match n {
            1 => "1 ponto".into(),
            n => format!("{n} pontos"),
        }
    }

    fn poll_screen(&self) -> &'static PollScreenWords {
        &POLL_SCREEN
    }

    fn poll_votes(&self, cast: usize, entitled: usize) -> String {
        format!("Votos: {cast} de {entitled}")
    }

    fn poll_points_rule(&self, points: u32, max_per_input: u32) -> String {
        format!("Pontos: {points} por cartão, no máximo {max_per_input} num insumo")
    }

    fn poll_yes_no_on(&self, number: &str) -> String {
        format!("Sim / não / abstenção sobre o insumo {number}")
    }

    fn poll_over(&self, inputs: usize) -> String {
        match inputs {
            1 => "Sobre 1 insumo".into(),
            n => format!("Sobre {n} insumos"),
        }
    }

    fn poll_no_cards(&self, name: &str) -> String {
        format!(
            "Ainda não há cartões de votação: crie-os com «taller tokens {name}» e pressione V de novo"
        )
    }

    fn poll_cards(&self, n: usize) -> String {
        match n {
            1 => "1 cartão pode votar".into(),
            n => format!("{n} cartões podem votar"),
        }
    }

    fn poll_cards_unread(&self, why: &str) -> String {
        format!("Não foi possível ler os cartões de votação: {why}")
    }

    fn poll_card_on_paper(&self, card: &str) -> String {
        format!("{card}: votou em papel; o voto pelo telefone é recusado")
    }

    fn poll_card_revoked(&self, card: &str) -> String {
        format!("Cartão {card} anulado: não abre mais a votação")
    }

    fn no_plenary_decisions(&self) -> &'static str {
        "nenhum arquivo traz decisões da plenária: o plano mostra todas as ações sem decisão; inclua também a sessão da plenária"
    }

    fn schedule_from(&self, file: &dyn Display) -> String {
        format!("horário tomado de {file} (a sessão da plenária)")
    }

    fn plan_fields_of(&self, number: &str) -> String {
        format!("Dados de {number}:")
    }

    fn date_in_words(&self, date: jiff::civil::Date) -> String {
        const MONTHS: [&str; 12] = [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ];
        let month = (date.month() as usize).clamp(1, 12) - 1;
        format!("{} de {} de {}", date.day(), MONTHS[month], date.year())
    }

    fn numbered(&self, number: &str, axis: u32) -> String {
        format!("{number} (Eixo {axis})")
    }

    fn docx_written(&self, path: &dyn Display) -> String {
        format!("plan.docx gravado em {path}")
    }

    fn docx_no_pandoc(&self, md: &dyn Display) -> String {
        format!(
            "o pandoc não está instalado: plan.docx não foi gravado. Instale-o (https://pandoc.org, ou “apt install pandoc”) e execute: pandoc {md} -o plan.docx"
        )
    }

    fn docx_failed(&self, reason: &dyn Display) -> String {
        format!("o pandoc não conseguiu gravar plan.docx: {reason}")
    }

    fn unknown_group(&self, named: &str, known: &str) -> String {
        format!("não há grupo “{named}”; os grupos são: {known}")
    }

    fn group_file_suffix(&self, number: u32) -> String {
        format!("grupo{number}")
    }

    fn group_laptop(&self, number: u32, title: &str) -> String {
        format!("Computador do grupo {number} · {title}")
    }

    fn group_laptop_stays(&self, number: u32) -> String {
        format!("Este computador é do grupo {number}: mostra apenas esse grupo")
    }

    fn key_where_file(&self) -> &'static str {
        "onde está o arquivo"
    }

    fn group_prompt(&self) -> &'static str {
        " Computador de grupo: número do grupo (1–5) ou o seu eixo "
    }

    fn key_new_group(&self) -> &'static str {
        "nova sessão de um computador de grupo"
    }

    // Output formats (`export::formats`).
    fn format_plan(&self) -> &'static str {
        "a minuta do plano de trabalho, em Markdown"
    }

    fn format_csv(&self) -> &'static str {
        "as contribuições do plano, uma por linha, em CSV"
    }

    fn format_json(&self) -> &'static str {
        "a sessão inteira, um arquivo que o taller abre"
    }

    fn format_status(&self) -> &'static str {
        "como vai o dia: cada item da pauta, previsto e real, em CSV"
    }

    fn format_schedule_csv(&self) -> &'static str {
        "horário previsto e real de cada item da pauta, em CSV"
    }

    fn format_agenda_md(&self) -> &'static str {
        "a pauta para imprimir, em Markdown"
    }

    fn format_polls_csv(&self) -> &'static str {
        "as votações pelo telefone, uma linha por votação e insumo, em CSV"
    }

    fn one_of(&self, names: &[&str]) -> String {
        match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} ou {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    fn cli_words(&self) -> &'static CliWords {
        &CLI_WORDS
    }

    // Presence (issue 21): who is editing an input now.
    fn people(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} e {last}", rest.join(", ")),
        }
    }

    fn is_editing(&self, names: &[String]) -> String {
        let who = self.people(names);
        if names.len() > 1 {
            format!("{who} estão editando")
        } else {
            format!("{who} está editando")
        }
    }

    fn also_editing(&self, names: &[String]) -> String {
        let who = self.people(names);
        let verb = if names.len() > 1 { "estão" } else { "está" };
        format!(
            "{who} também {verb} editando esta contribuição; ao salvar, as alterações são combinadas"
        )
    }

    // Why a role's change is refused (issue 20).
    fn refused_clock(&self) -> &'static str {
        "Os relógios são da equipe de facilitação"
    }

    fn refused_schedule(&self) -> &'static str {
        "O horário de início e a campainha são da equipe de facilitação"
    }

    fn refused_room_message(&self) -> &'static str {
        "A mensagem à sala é colocada pela equipe de facilitação"
    }

    fn refused_import(&self) -> &'static str {
        "Importar um arquivo cabe à equipe de facilitação"
    }

    fn refused_agenda(&self) -> &'static str {
        "A pauta e os grupos são alterados pela equipe de facilitação"
    }

    fn refused_verdict(&self) -> &'static str {
        "Status, observações e votos são decididos pela plenária"
    }

    fn refused_other_group(&self) -> &'static str {
        "Isso é de outro grupo: você altera apenas o seu"
    }

    fn refused_move_to_other_group(&self) -> &'static str {
        "Passar uma contribuição para outro grupo cabe à equipe de facilitação"
    }

    fn refused_screen_only(&self) -> &'static str {
        "Esta tela apenas mostra a sessão"
    }

    fn refused_poll(&self) -> &'static str {
        "As votações são da facilitação"
    }

    fn refused_ballot(&self) -> &'static str {
        "Um voto é dado a partir de um cartão de votação, não de uma tela"
    }

    fn refused_ballot_only(&self) -> &'static str {
        "A página de um cartão só envia votos"
    }

    fn ballot_refused(&self, why: BallotRefused) -> String {
        match why {
            BallotRefused::NoSuchPoll => "Essa votação não existe".into(),
            BallotRefused::Closed => "A votação está encerrada".into(),
            BallotRefused::NotEntitled => "Este cartão não pode votar nesta votação".into(),
            BallotRefused::AlreadyVoted => "Este cartão já votou".into(),
            BallotRefused::OnPaper => "O voto deste cartão foi contado em papel".into(),
            BallotRefused::Invalid(fault) => match fault {
                BallotFault::WrongKind => "Esse voto não é desta votação".into(),
                BallotFault::NotInPoll => "Um insumo não está nesta votação".into(),
                BallotFault::OverBudget { given, budget } => {
                    format!("{given} pontos: o cartão tem {budget}")
                }
                BallotFault::OverCap { given, cap } => {
                    format!("{given} pontos num insumo: no máximo {cap}")
                }
                BallotFault::Empty => "O voto está vazio".into(),
                BallotFault::ReasonTooLong { chars } => {
                    format!("O motivo tem {chars} caracteres: no máximo {MAX_REASON_CHARS}")
                }
            },
        }
    }

    fn poll_refused(&self, why: PollRefused) -> &'static str {
        match why {
            PollRefused::NoSuchPoll => "Essa votação não existe",
            PollRefused::AnotherOpen => "Já há uma votação aberta: encerre-a antes",
            PollRefused::NoInputs => "Uma votação precisa de insumos que estejam na sessão",
            PollRefused::OneInputOnly => "Sim / não / abstenção vota-se sobre um só insumo",
            PollRefused::NoPoints => "Os pontos e o máximo por insumo são pelo menos 1",
            PollRefused::TakenId => "Já existe uma votação com esse identificador",
            PollRefused::StillOpen => "A votação continua aberta: encerre-a antes",
            PollRefused::AlreadyClosed => "A votação já está encerrada",
            PollRefused::NoCards => "Nenhum cartão pode votar: crie os cartões antes",
            PollRefused::VotedByPhone => "Este cartão já votou pelo telefone",
        }
    }

    fn group_gone(&self) -> &'static str {
        "A equipe de facilitação retirou o seu grupo desta sessão"
    }

    // The served session's screens: who is connected, codes, how a screen closed.
    fn ssh_closed_by_facilitator(&self) -> &'static str {
        "A equipe de facilitação encerrou esta conexão."
    }

    fn ssh_too_many_screens(&self, most: usize) -> String {
        format!(
            "Já há {most} telas deste papel abertas a partir do seu computador: feche uma e conecte-se de novo."
        )
    }

    fn headless_stopped(
        &self,
        signal: &str,
        closed: usize,
        left: usize,
        path: &dyn Display,
    ) -> String {
        let left = match left {
            0 => String::new(),
            1 => " 1 tela não fechou a tempo e foi cortada;".to_string(),
            n => format!(" {n} telas não fecharam a tempo e foram cortadas;"),
        };
        format!(
            "taller: {signal} recebido: {closed} tela(s) avisada(s) e fechada(s) com o terminal restaurado;{left} sessão salva em {path}."
        )
    }

    fn join_facilitator_apart(&self, key: &str) -> String {
        format!("O código da facilitação não é projetado: {key} o mostra nesta tela.")
    }

    fn join_keys(&self, connected: usize) -> String {
        format!("F código da facilitação · C conexões ({connected}) · outra tecla fecha")
    }

    fn facilitator_code_title(&self) -> &'static str {
        " Código da facilitação "
    }

    fn facilitator_code_lines(&self, command: &str, code: &str) -> [String; 3] {
        [
            "Somente para quem facilita: não o deixe projetado.".to_string(),
            format!("{command}   código {code}"),
            "Qualquer tecla o oculta.".to_string(),
        ]
    }

    fn connections_title(&self) -> &'static str {
        " Conexões "
    }

    fn connections_none(&self) -> &'static str {
        "Ninguém está conectado por ssh."
    }

    fn connections_header(&self) -> [&'static str; 4] {
        ["Papel", "Endereço", "Desde", "Tamanho"]
    }

    fn connections_keys(&self) -> &'static str {
        "↑↓ escolher · x encerrar a conexão · Esc fecha"
    }

    fn connections_confirm(&self, who: &str) -> String {
        format!("Encerrar a conexão de {who}? s sim · n não")
    }

    fn connection_gone(&self) -> &'static str {
        "Essa conexão já tinha sido encerrada: nenhuma outra foi encerrada."
    }

    fn connection_closed(&self, who: &str) -> String {
        format!("Conexão de {who} encerrada.")
    }

    fn remote_copy_lines(&self) -> [&'static str; 3] {
        [
            "Esta sessão é salva no computador da equipe de facilitação.",
            "Para ter uma cópia no seu, digite em outro terminal o mesmo ssh com que entrou, com json no final:",
            "ssh -p PORTA USUÁRIO@ENDEREÇO json > copia.json",
        ]
    }

    fn any_key_closes(&self) -> &'static str {
        "Qualquer tecla fecha."
    }

    fn where_file_title(&self) -> &'static str {
        " Onde está o arquivo "
    }

    fn where_file_lines(&self, name: &dyn Display, dir: &dyn Display) -> [String; 3] {
        [
            format!("Arquivo: {name}"),
            format!("Pasta: {dir}"),
            "Copie-o para o pen drive. Qualquer tecla fecha.".to_string(),
        ]
    }

    // What people joining over SSH read. What is said while joining is ASCII
    // (the client's locale is not known yet): no accents there.
    fn ssh_code_prompt(&self, name: &str) -> String {
        format!("Codigo de {name}: ")
    }

    fn ssh_unknown_user(&self, user: &str, names: &str) -> String {
        let user = ascii(user);
        format!("\"{user}\" nao e um nome desta oficina. Use um de: {names}.")
    }

    fn ssh_wait_for_turn(&self, seconds: u64) -> String {
        format!(
            "Codigos errados demais a partir deste computador: aguarde {seconds} segundos; o codigo que digitar sera verificado entao."
        )
    }

    fn ssh_unknown_user_prompt(&self) -> &'static str {
        "Pressione Enter para sair: "
    }

    fn ssh_no_pty(&self, user: &str, formats: &str) -> String {
        format!(
            "o taller precisa de um terminal: conecte-se com  ssh -t -p PORTA {user}@SERVIDOR  (ou acrescente {formats} para um documento)."
        )
    }

    fn ssh_exec_refused(&self, command: &dyn Display, formats: &str) -> String {
        format!("taller: “{command}” não é executado aqui; apenas {formats}.")
    }

    fn ssh_session_ended(&self) -> &'static str {
        "A sessão ao vivo terminou. Obrigado."
    }

    fn ssh_too_slow(&self) -> &'static str {
        "A conexão não estava recebendo a tela: conecte-se de novo."
    }

    fn ssh_paste_too_large(&self, max_mib: usize) -> String {
        format!("Texto colado grande demais (mais de {max_mib} MiB): não foi inserido.")
    }

    fn ssh_cannot_keep_codes(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("não é possível salvar os códigos em {path}: {reason}")
    }

    fn join_also_as(&self, axis: &str) -> String {
        format!("também: {axis}")
    }

    fn ssh_codes_damaged(&self, line: usize) -> String {
        format!(
            "a linha {line} está danificada (não é regravada: corrija-a ou use “taller codes NOME --new”)"
        )
    }

    fn ssh_codes_newer(&self, version: u32) -> String {
        format!("é de uma versão mais nova do taller (formato {version}); atualize o taller")
    }

    fn ssh_cannot_keep_key(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("não é possível usar a chave do servidor em {path}: {reason}")
    }

    // Ballot cards (issue 23): `taller tokens` and the cards file.
    fn tokens_cannot_keep(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("não é possível guardar as chaves de votação em {path}: {reason}")
    }

    fn tokens_damaged(&self, line: usize) -> String {
        format!(
            "a linha {line} está danificada (não é reescrita: corrija-a ou use «taller tokens NOME --new»)"
        )
    }

    fn tokens_newer(&self, version: u32) -> String {
        format!("é de uma versão mais nova do taller (formato {version}); atualize o taller")
    }

    fn tokens_no_such_card(&self, label: &str, known: &str) -> String {
        format!("nenhum cartão se chama «{label}»; os cartões são: {known}")
    }

    fn tokens_none(&self) -> &'static str {
        "esta sessão ainda não tem cartões de votação: «taller tokens NOME» os cria"
    }

    fn tokens_revoked(&self, label: &str) -> String {
        format!("Cartão «{label}» anulado: sua chave não serve mais para votar.")
    }

    fn tokens_left_out(&self, labels: &str) -> String {
        format!("cartões anulados, não mostrados: {labels}")
    }

    fn tokens_count_per_delegation(&self) -> &'static str {
        "--count é para cartões por pessoa (--per person); por delegação há um por país"
    }

    fn tokens_person_needs_count(&self) -> &'static str {
        "diga quantos cartões por pessoa com --count N"
    }

    fn tokens_kept_other_kind(&self, kept_per_delegation: bool) -> String {
        let kept = if kept_per_delegation {
            "por delegação"
        } else {
            "por pessoa"
        };
        format!(
            "os cartões desta sessão são {kept}; para substituí-los todos use --new (as chaves anteriores deixarão de funcionar)"
        )
    }

    fn tokens_no_countries(&self) -> &'static str {
        "a oficina desta sessão não nomeia países: use --per person --count N"
    }

    fn tokens_no_address(&self, host: &str) -> String {
        format!(
            "não foi encontrado o endereço deste computador na rede da sala; os links usam «{host}»: indique o correto com --web ENDEREÇO:PORTA"
        )
    }

    fn tokens_bad_web(&self, value: &str) -> String {
        format!(
            "«{value}» não é um endereço: escreva ENDEREÇO:PORTA, por exemplo 192.168.1.20:8080"
        )
    }

    fn cards_title(&self, session: &str) -> String {
        format!("Cartões de votação: {session}")
    }

    fn cards_numbered(&self, label: &str) -> String {
        format!("Cartão {label}")
    }

    fn cards_how(&self) -> &'static str {
        "Para votar, escaneie o código com a câmera do seu celular. Ou abra o endereço no navegador e digite sua chave. A chave é secreta: não a mostre."
    }

    fn cards_token(&self) -> &'static str {
        "Chave de votação"
    }

    fn cards_written(&self, path: &dyn Display, name: &dyn Display, cards: usize) -> String {
        let each = if cards == 1 {
            "1 cartão".to_string()
        } else {
            format!("{cards} cartões")
        };
        format!(
            "{each} em {path}, com seus códigos QR ao lado; para imprimi-los, nessa pasta: pandoc {name} -o cartoes.docx"
        )
    }

    fn cards_no_qr(&self, link: &str) -> String {
        format!("o endereço «{link}» é longo demais para um código QR")
    }

    // Workshop definitions (issue 15): the TOML file, the `workshop` commands, the printable agenda.
    fn def_missing_title(&self) -> String {
        "falta o título (title)".to_string()
    }

    fn def_empty_title(&self) -> String {
        "o título está vazio".to_string()
    }

    fn def_zero_minutes(&self) -> String {
        "os minutos devem ser maiores que 0".to_string()
    }

    fn def_too_many_minutes(&self, max: u32) -> String {
        format!("os minutos não podem passar de {max} (uma semana)")
    }

    fn def_percent(&self) -> String {
        "uma porcentagem vai de 0 a 100".to_string()
    }

    fn def_duplicate_id(&self, id: &str) -> String {
        format!("o id “{id}” está vazio ou repetido")
    }

    fn def_unknown_key(&self, key: &str) -> String {
        format!("chave desconhecida “{key}”")
    }

    fn def_missing_key(&self, key: &str) -> String {
        format!("falta a chave “{key}”")
    }

    fn def_unreadable(&self, reason: &dyn Display) -> String {
        format!("não é possível ler: {reason}")
    }

    fn def_language(&self, language: &str, known: &str) -> String {
        format!("idioma “{language}” desconhecido: {known}")
    }

    fn def_no_groups(&self) -> String {
        "não há nenhum grupo ([[groups]])".to_string()
    }

    fn def_bad_short(&self, short: &str) -> String {
        let said = format!(
            "nome curto “{short}” inválido: uma palavra de letras a-z sem acento, \
             algarismos e hifens, com alguma letra"
        );
        // A name that was fine before ids became ASCII (`niñez`) gets the
        // spelling to use instead.
        match ascii_short(short) {
            Some(ascii) => format!("{said} (escreva “{ascii}”)"),
            None => said,
        }
    }

    fn def_role_short(&self, short: &str) -> String {
        format!(
            "o nome curto “{short}” é o nome de um papel ao conectar-se \
             (grupoN, sala, lectura, facilitador…): escolha outro"
        )
    }

    fn def_not_utf8(&self) -> String {
        "o arquivo não é texto UTF-8 a partir daqui (salve-o como UTF-8)".to_string()
    }

    fn def_not_a_file(&self, file: &str) -> String {
        format!("{file}: não é um arquivo comum (um pipe, um dispositivo?)")
    }

    fn def_too_big(&self, file: &str, max_kib: u64) -> String {
        format!("{file}: grande demais para uma definição (mais de {max_kib} KiB)")
    }

    fn def_duplicate_short(&self, short: &str) -> String {
        format!("o nome curto “{short}” já é usado por outro grupo")
    }

    fn def_final_break(&self) -> String {
        "a etapa final não pode ser um intervalo".to_string()
    }

    fn def_unknown_builtin(&self, name: &str, known: &str) -> String {
        format!("não há uma oficina incluída “{name}”; as incluídas: {known}")
    }

    fn def_cannot_read(&self, file: &str, error: &std::io::Error) -> String {
        if error.kind() == std::io::ErrorKind::NotFound {
            return format!("{file}: {}", self.t().err_not_found);
        }
        format!("não é possível ler {file}: {error}")
    }

    fn def_invalid(&self, file: &str, problems: usize) -> String {
        match problems {
            1 => format!("{file}: a definição da oficina tem 1 problema:"),
            n => format!("{file}: a definição da oficina tem {n} problemas:"),
        }
    }

    fn def_valid(&self, file: &str, title: &str, groups: usize, items: usize) -> String {
        format!("{file}: correto — “{title}”, {groups} grupos, {items} itens de pauta")
    }

    fn def_written(&self, file: &dyn Display) -> String {
        format!("Modelo da oficina gravado em {file}")
    }

    fn def_exists(&self, file: &dyn Display) -> String {
        format!("{file} já existe; não é substituído")
    }

    fn workshop_choice(&self, title: &str, at: usize, of: usize) -> String {
        format!("oficina ({at}/{of}, ←/→ troca): {title}")
    }

    fn break_text(&self, lunch: bool) -> &'static str {
        if lunch { "Almoço." } else { "Intervalo." }
    }

    fn agenda_heading(&self) -> &'static str {
        "Pauta"
    }

    fn agenda_columns(&self) -> [&'static str; 3] {
        ["Hora", "Item", "Minutos"]
    }

    fn agenda_planned_from(&self, start: &str) -> String {
        format!("Horário previsto a partir das {start}.")
    }

    fn agenda_groups_heading(&self) -> &'static str {
        "Grupos de trabalho"
    }

    fn agenda_principles(&self) -> &'static str {
        "Princípios"
    }

    fn agenda_final_product(&self) -> &'static str {
        "Produto final"
    }

    fn agenda_examples(&self) -> &'static str {
        "Exemplos"
    }
}

static STRINGS: Strings = Strings {
    new_session: "Nova sessão",
    saved_sessions: "Sessões salvas",
    start_title: " taller — facilitação de oficinas presenciais ",
    name_prompt: " Nome da nova sessão ",
    name_prompt_keys: "Enter aceita · Esc cancela",
    rename_prompt: " Novo nome da sessão ",
    planned_start_title: " Horário previsto de início do dia (HH:MM) ",
    template_prompt: " Nova sessão com a mesma oficina ",
    last_change: "última alteração",
    agenda: "Pauta",
    examples: "Exemplos orientadores",
    instructions: "Orientação",
    principles: "Princípios",
    facilitator: "Facilitador(a)",
    rapporteur: "Relator(a)",
    unassigned: "(não designado)",
    group_inputs: "Contribuições do grupo",
    no_inputs: "Ainda não há contribuições. Pressione “a” para adicionar a primeira.",
    no_inputs_report: "Este grupo ainda não tem contribuições para apresentar.",
    presents: "Apresenta",
    next_up: "A seguir",
    final_product: "Produto final",
    summary_by_group: "Contribuições por grupo",
    total: "Total",
    more_above: "▲ mais acima (PgUp)",
    more_below: "▼ continua (PgDn)",
    more_above_keys: "▲ mais teclas acima (↑)",
    more_below_keys: "▼ mais teclas abaixo (↓)",
    editor_keys: "Esc termina e salva · Enter nova linha · Ctrl+S salva agora · F1 ajuda",
    line_editor_keys: "Enter aceita · Esc cancela · digitar substitui; ←→ edita",
    confirm_delete: "Excluir esta contribuição?",
    confirm_keys: "s / Enter: sim · n / Esc: não",
    confirm_quit: "Não foi possível salvar. Sair mesmo assim? O que não foi salvo irá para um arquivo de recuperação.",
    deleted: "Contribuição excluída. “u” a recupera.",
    restored: "Contribuição recuperada.",
    nothing_to_undo: "Não há alterações para desfazer.",
    nothing_to_redo: "Não há alterações para refazer.",
    undone: "Alteração desfeita. Ctrl+R a refaz.",
    redone: "Alteração refeita.",
    emptied_deleted: "A contribuição ficou vazia e foi excluída. “u” a recupera.",
    empty_not_added: "Contribuição vazia: nada foi adicionado.",
    not_set: "—",
    ranking: "Prioridades segundo os votos da sala",
    import_title: " Trazer de outro computador: arquivo ou pasta (Tab completa o caminho) ",
    key_import: "trazer as contribuições de outro computador (arquivo de sessão)",
    status_agreed: "acordado",
    status_revise: "a revisar",
    status_dropped: "descartado",
    field_status: "Status na plenária",
    field_observations: "Observações",
    field_votes: "Votos",
    plan_to_revise: "Ações a revisar",
    plan_agreed: "Ações acordadas",
    plan_title: "Minuta do Plano de Trabalho Regional",
    plan_context: "Contexto e princípios",
    plan_actions: "Ações propostas (sem decisão da plenária)",
    plan_agreements: "Acordos",
    plan_questions: "Perguntas em aberto",
    plan_parking: "Pendências",
    plan_annex: "Anexo: grupos e horário",
    csv_axis: "eixo",
    csv_origin: "arquivo de origem",
    csv_duplicate_of: "possível duplicata de",
    nothing_to_consolidate: "não há sessões para consolidar",
    err_output_is_input: "a pasta de saída contém um dos arquivos de entrada; escolha outra",
    participants_keys: "Uma pessoa por linha: Nome; País; Função (Promotor(a)/Procurador(a), Diretor(a) de Migração, Diretor(a) de Polícia Migratória, Investigador(a) Principal, Representante da Coalizão Regional, ou outra) · Esc salva",
    participants: "Participantes",
    key_participants: "participantes do grupo (nome; país; função)",
    add_country: "adicionar um país convidado (Enter, digitar, Enter)",
    country_prompt: "País convidado: ",
    form_country_keys: "↑↓ mover · Espaço marca · t membros · Tab segue · Esc salva e fecha",
    form_adding_keys: "Digite o país · Enter o adiciona · Tab o adiciona e segue · Esc cancela",
    form_timeframe_keys: "←→ prazo ou “data ou período”, que se digita · Tab segue · Esc salva e fecha",
    flag_national: "alcance nacional: as ações devem ser regionais, não locais",
    form_keys: "Tab campo · ←→ escolher · 0-9 votos · Esc salva e fecha",
    field_kind: "Tipo",
    field_text: "Texto",
    field_scope: "Alcance",
    field_countries: "Países",
    field_lead: "Instituição líder",
    field_partners: "Parceiros / coordenação",
    field_timeframe: "Prazo",
    timeframe_date: "data ou período",
    field_indicator: "Indicador",
    field_priority: "Prioridade",
    text_kept: "O texto não pode ficar vazio: o anterior foi mantido (para excluir a contribuição, “d”).",
    read_only_badge: "SOMENTE LEITURA",
    renamed: "Sessão renomeada.",
    confirm_trash: "Mover esta sessão para a lixeira? Ela poderá ser recuperada na pasta .taller-trash.",
    key_rename: "renomear a sessão escolhida",
    key_template: "nova sessão com a mesma oficina (como modelo)",
    key_trash: "mover a sessão para a lixeira (pede confirmação)",
    crashed: "O taller falhou. O que foi salvo até o último segundo está no arquivo da sessão.",
    recovered: "recuperado",
    paste_needs_group: "O conteúdo colado não foi salvo: cole na página de um grupo (Tab) ou dentro do editor.",
    help_title: " Teclas ",
    help_close: "Qualquer tecla fecha esta ajuda",
    footer_start: "Enter abrir · n nova · r renomear · c modelo · q sair · d lixeira · ? ajuda",
    opening_session: "Abrindo a sessão…",
    key_parts: "etapa seguinte / anterior",
    key_groups: "grupo anterior / seguinte",
    key_select: "escolher",
    key_scroll: "ler mais abaixo / acima",
    key_add: "adicionar uma contribuição",
    key_edit: "editar a contribuição (formulário)",
    key_delete: "excluir (pede confirmação)",
    key_undo: "desfazer (Ctrl+R refaz)",
    key_reorder: "subir / descer a contribuição",
    key_back: "voltar à tela da etapa",
    key_auto_start: "seguinte: encerra o que está em curso e inicia o que vem a seguir no dia",
    key_bell: "campainha: sim / não",
    key_planned_start: "horário previsto de início do dia",
    part_opening: "Plenária de abertura",
    part_groups: "Grupos de trabalho",
    part_closing: "Plenária de encerramento",
    key_duplicate: "ir para a possível duplicata",
    key_move_group: "mover a contribuição para outro grupo",
    key_facilitator: "nome do(a) facilitador(a)",
    key_rapporteur: "nome do(a) relator(a)",
    key_examples: "mostrar / ocultar exemplos",
    key_help: "esta ajuda",
    key_save: "salvar agora",
    key_quit: "salvar e sair",
    key_open: "abrir a sessão escolhida",
    key_new: "nova sessão da oficina padrão",
    key_start_quit: "sair",
    key_editor_finish: "terminar e salvar o texto",
    key_editor_newline: "nova linha",
    key_editor_save: "salvar sem sair do editor",
    key_editor_paste: "colar (chega como um único bloco)",
    key_prompt_accept: "aceitar",
    key_prompt_cancel: "cancelar e manter o valor anterior",
    key_prompt_replace: "o primeiro caractere digitado substitui o valor marcado",
    key_prompt_edit: "manter o valor para editá-lo",
    key_form_fields: "campo seguinte / anterior",
    key_form_choose: "escolher: tipo, alcance, prazo, prioridade, status, votos",
    key_form_countries: "países: mover / marcar ou desmarcar",
    keys_form_countries: "↑ ↓ · Espaço",
    key_form_all: "países: marcar ou desmarcar todos os países membros",
    key_form_add: "em “adicionar um país convidado”: digitá-lo (Enter ou Tab o adiciona, Esc cancela)",
    key_form_date: "prazo em “data ou período”: digitar a data",
    key_form_keep: "salvar e fechar o formulário",
    key_editor_fields: "passar aos demais campos da contribuição",
    phase_idle: "não iniciado",
    phase_normal: "no tempo",
    phase_warning: "resta pouco tempo",
    phase_danger: "último minuto",
    phase_overtime: "TEMPO ESGOTADO",
    paused: "em pausa",
    confirm_reset: "Reiniciar este cronômetro? O tempo contado será perdido.",
    schedule_title: "Cronograma",
    col_item: "Item",
    col_planned: "Previsto",
    col_actual: "Real",
    col_expected: "Previsão",
    col_state: "Situação",
    csv_item: "item",
    csv_planned_start: "início previsto",
    csv_planned_end: "término previsto",
    csv_planned_minutes: "minutos previstos",
    csv_actual_start: "início real",
    csv_actual_end: "término real",
    csv_actual_minutes: "minutos reais",
    csv_difference: "diferença (min)",
    err_output_is_session: "o arquivo de saída é uma sessão de oficina; não é sobrescrito",
    state_done: "concluído",
    state_running: "▶ em curso",
    state_ahead: "pendente",
    kind_action: "Ação",
    kind_agreement: "Acordo",
    kind_question: "Pergunta em aberto",
    kind_parking: "Pendência",
    scope_regional: "regional",
    scope_multilateral: "multilateral",
    scope_bilateral: "bilateral",
    scope_national: "nacional",
    priority_high: "alta",
    priority_medium: "média",
    priority_low: "baixa",
    timeframe_short: "curto prazo",
    timeframe_medium: "médio prazo",
    timeframe_long: "longo prazo",
    state_paused: "⏸ em pausa",
    state_skipped: "omitido",
    key_timer: "iniciar / pausar o relógio",
    key_all_groups: "iniciar / pausar todos os grupos",
    key_plus_minus: "um minuto a mais / a menos",
    key_reset: "reiniciar o relógio (pede confirmação)",
    key_minutes: "minutos previstos",
    key_room: "visão da sala (relógio grande)",
    key_room_message: "mensagem para a sala (M outra vez a retira)",
    refused_gone: "Essa contribuição já não existe: outra pessoa a excluiu",
    refused_no_group: "Esse grupo já não está na sessão",
    refused_changed_since: "Não foi desfeito: outra pessoa alterou isso depois",
    selected_deleted_elsewhere: "Outra pessoa excluiu a contribuição selecionada: a seleção passou para a seguinte",
    editing_deleted_elsewhere: "Outra pessoa excluiu esta contribuição: o seu texto é mantido e será adicionado de novo ao terminar",
    moved_on: "Próximo item em andamento",
    import_only_here: "A importação de arquivos é feita no computador que transmite a sessão",
    plenary_is_the_facilitators: "A contribuição foi salva; o status, as observações e os votos são registrados pela equipe de facilitação",
    join_title: " Entrar na sessão ao vivo ",
    join_intro: "Para o quadro: cada pessoa digita a sua linha em um terminal e depois o seu código",
    join_web_in_clear: "Sem criptografia: use Wi-Fi WPA2 ou o ponto de acesso deste computador.",
    join_code: "código",
    key_join: "como entrar na sessão ao vivo (comandos e códigos)",
    day_over: "Não resta nada para iniciar: o dia terminou",
    room_message_title: "Mensagem para a sala (Enter a mostra, Esc cancela)",
    room_message_cleared: "Mensagem retirada da sala",
    key_schedule: "cronograma do dia",
    keys_scroll: "PgDn PgUp",
    key_space: "Espaço",
    keys_delete: "d / Del",
    err_not_found: "o arquivo não existe",
    err_not_a_session: "não é uma sessão de oficina (falta \"format\": \"taller-session\")",
    err_no_schema_version: "falta um número de versão válido (\"schema_version\"); não é possível saber como lê-la",
    err_name_empty: "o nome da sessão está vazio",
    err_name_separator: "o nome não pode conter “/” nem “\\”: uma sessão fica sempre na pasta de sessões",
    err_name_control: "o nome contém caracteres de controle",
    err_name_whitespace: "o nome contém um espaço especial (sem quebra, largo, ideográfico…) ou uma quebra de linha ou de parágrafo: ficaria igual a outro. Use apenas espaços normais",
    err_name_invisible: "o nome contém caracteres invisíveis (de largura zero, de formatação ou que mudam a direção do texto): ficaria igual a outro",
    err_name_dot: "o nome não pode começar com “.”",
    err_is_directory: "é uma pasta, não um arquivo de sessão",
    err_not_a_terminal: "o taller precisa de um terminal interativo; para usá-lo sem um, veja “taller list” e “taller --help”",
    err_no_data_dir: "a pasta de dados do usuário não foi encontrada; indique uma com --sessions-dir PASTA ou TALLER_SESSIONS_DIR",
    col_name: "NOME",
    col_workshop: "OFICINA",
    col_last_change: "ÚLTIMA ALTERAÇÃO",
    col_inputs: "CONTRIBUIÇÕES",
    damaged: "não é possível abrir",
};

static KEY_WORDS: KeyWords = KeyWords {
    read_only: "SOMENTE LEITURA",
    clock: "relógio",
    next: "seguinte",
    add: "adicionar",
    edit: "editar",
    delete: "excluir",
    group: "grupo",
    item: "item",
    input: "contribuição",
    bell: "campainha",
    start_time: "horário de início",
    back: "volta",
    room: "sala",
    schedule: "cronograma",
    part: "etapa",
    quit: "sair",
    help: "ajuda",
    redo: "refazer o que foi desfeito",
};

static PLAN_WORDS: PlanWords = PlanWords {
    date: "Data",
    place: "Local",
    axis: "Eixo",
    agreed: "Ações acordadas",
    to_revise: "Ações a revisar",
    undecided: "Ações propostas (sem decisão da plenária)",
    agreements: "Acordos",
    agreements_to_revise: "Acordos a revisar",
    questions: "Perguntas em aberto",
    pending: "Pendências",
    observations: "Observações da plenária",
    votes: "Votos",
    status: "Status",
    duplicate: "Possível duplicata de",
    annex: "Anexo",
    annex_dropped: "contribuições descartadas pela plenária",
    annex_people: "participantes por país",
    annex_schedule: "horário da oficina",
    no_country: "País não informado",
    leads: "Facilitação e relatoria",
    facilitates: "facilita",
    reports: "relata",
    planned: "previsto",
    actual: "real",
    number: "número",
    no_decisions: "Nenhum arquivo traz decisões da plenária (acordos, observações ou votos): todas as ações aparecem sem decisão. Inclua também a sessão da plenária (a da equipe de facilitação) em taller consolidate.",
    no_decisions_yet: "A plenária ainda não decidiu (acordos, observações ou votos): todas as ações aparecem sem decisão.",
    nothing_here: "Sem contribuições.",
    ranking_note: "As contribuições votadas, da mais votada à menos votada; cada uma com o seu número na lista do seu eixo.",
};

static CLI_WORDS: CliWords = CliWords {
    page: Some(HelpPage {
        template: "{about-with-newline}\nUso: {usage}\n\n{all-args}{after-help}",
        error: "erro",
        options: "Opções",
        arguments: "Argumentos",
        commands: "Comandos",
        command: "COMANDO",
        usage: &[
            ("", "taller [OPÇÕES] [COMANDO]"),
            ("new", "taller new [OPÇÕES]"),
            ("workshop", "taller workshop [OPÇÕES] <init|check> ARQUIVO"),
            ("workshop init", "taller workshop init [OPÇÕES] ARQUIVO"),
            ("workshop check", "taller workshop check [OPÇÕES] ARQUIVO"),
            ("open", "taller open [OPÇÕES] <NOME|CAMINHO>"),
            ("list", "taller list [OPÇÕES]"),
            ("import", "taller import MESTRA CAMINHO..."),
            (
                "consolidate",
                "taller consolidate CAMINHO... --out PASTA [OPÇÕES]",
            ),
            ("restore", "taller restore [OPÇÕES] <NOME|CAMINHO> [N]"),
            ("serve", "taller serve [OPÇÕES] [NOME|CAMINHO]"),
            ("codes", "taller codes [OPÇÕES] <NOME|CAMINHO> [--new]"),
            (
                "tokens",
                "taller tokens [OPÇÕES] <NOME|CAMINHO> [--per delegation|person] [--count N] [--new]",
            ),
            (
                "export",
                "taller export [OPÇÕES] --format FORMATO <NOME|CAMINHO>",
            ),
        ],
        help: "Mostra esta ajuda",
        version: "Mostra a versão",
    }),
    about: &[
        (
            "",
            "Conduza uma oficina presencial a partir de um terminal projetado.",
        ),
        ("new", "Inicia uma nova sessão da oficina padrão"),
        (
            "workshop",
            "Grava ou verifica uma definição de oficina (TOML)",
        ),
        (
            "workshop init",
            "Grava a oficina incluída como modelo comentado",
        ),
        (
            "workshop check",
            "Verifica uma definição: cada problema com a sua linha e coluna",
        ),
        ("open", "Abre uma sessão salva, pelo nome ou pelo caminho"),
        ("list", "Lista as sessões salvas"),
        (
            "import",
            "Traz os arquivos de sessão de outros computadores para uma sessão mestra",
        ),
        (
            "consolidate",
            "Une arquivos de sessão de uma mesma oficina na minuta do plano de trabalho",
        ),
        (
            "restore",
            "Lista as cópias de segurança de uma sessão, ou restaura a cópia N",
        ),
        (
            "serve",
            "Transmite uma sessão ao vivo: as demais pessoas entram com `ssh`, cada uma na sua tela",
        ),
        (
            "codes",
            "Mostra os códigos para entrar por SSH na sessão, uma linha por papel",
        ),
        (
            "tokens",
            "Mostra os cartões para votar pelo celular, uma linha por cartão: rótulo, chave e link",
        ),
        ("export", "Grava uma sessão em outro formato"),
    ],
    args: &[
        arg(
            "",
            "lang",
            "Idioma da interface: {languages} (ou a variável TALLER_LANG)",
            Some("IDIOMA"),
        ),
        arg("", "no_bell", "Nunca tocar a campainha do terminal", None),
        arg(
            "",
            "sessions_dir",
            "Pasta onde as sessões são salvas (ou a variável TALLER_SESSIONS_DIR)",
            Some("PASTA"),
        ),
        arg(
            "",
            "allow_shared_dir",
            "Salvar sessões mesmo que outros usuários possam gravar na pasta",
            None,
        ),
        arg(
            "new",
            "name",
            "Nome da sessão (padrão: taller-DATA, ou taller-DATA-grupoN)",
            Some("NOME"),
        ),
        arg(
            "new",
            "group",
            "Computador de grupo: a sessão de um único grupo (o seu número ou o id do eixo)",
            Some("N"),
        ),
        arg(
            "new",
            "workshop",
            "A oficina: um arquivo de definição (TOML), ou builtin:NOME",
            Some("ARQUIVO"),
        ),
        arg(
            "workshop init",
            "file",
            "O arquivo a gravar (nunca é substituído)",
            Some("ARQUIVO"),
        ),
        arg(
            "workshop init",
            "from",
            "Qual oficina gravar: ctim (a padrão) ou outra incluída",
            Some("NOME"),
        ),
        arg(
            "workshop check",
            "file",
            "O arquivo de definição (TOML), ou builtin:NOME",
            Some("ARQUIVO"),
        ),
        arg(
            "open",
            "target",
            "Nome de uma sessão da pasta, ou caminho de um arquivo .json",
            Some("NOME|CAMINHO"),
        ),
        arg(
            "import",
            "master",
            "A sessão mestra (nome ou caminho)",
            Some("MESTRA"),
        ),
        arg(
            "import",
            "files",
            "Arquivos de sessão a trazer, ou pastas (todos os seus arquivos de sessão)",
            Some("CAMINHO"),
        ),
        arg(
            "consolidate",
            "files",
            "Arquivos de sessão (os de cada computador e o da plenária), ou pastas",
            Some("CAMINHO"),
        ),
        arg(
            "consolidate",
            "out",
            "Pasta para plan.md, plan.csv e plan.json",
            Some("PASTA"),
        ),
        arg(
            "consolidate",
            "skip_bad",
            "Omitir os arquivos que não podem ser lidos em vez de não gravar nada",
            None,
        ),
        arg(
            "consolidate",
            "title",
            "Título do plano (padrão: o das sessões, ou “Minuta do Plano de Trabalho Regional”)",
            Some("TEXTO"),
        ),
        arg(
            "consolidate",
            "date",
            "Data do plano (padrão: a das sessões, ou o dia da oficina)",
            Some("TEXTO"),
        ),
        arg(
            "consolidate",
            "place",
            "Local do plano (padrão: o das sessões)",
            Some("TEXTO"),
        ),
        arg(
            "consolidate",
            "docx",
            "Gravar também plan.docx com o pandoc, se estiver instalado",
            None,
        ),
        arg(
            "restore",
            "target",
            "Nome de uma sessão da pasta, ou caminho de um arquivo .json",
            Some("NOME|CAMINHO"),
        ),
        arg(
            "restore",
            "generation",
            "A cópia a restaurar (1 é a mais recente); sem N, elas são listadas",
            None,
        ),
        arg(
            "serve",
            "target",
            "Nome de uma sessão (criada se não existir), ou caminho de um arquivo .json",
            Some("NOME|CAMINHO"),
        ),
        arg(
            "serve",
            "listen",
            "Onde escutar SSH (todas as interfaces, porta 2222)",
            Some("ENDEREÇO:PORTA"),
        ),
        arg(
            "serve",
            "web",
            "Onde a página de votação escuta os telefones (todas as interfaces, porta 8080)",
            Some("ENDEREÇO:PORTA"),
        ),
        arg(
            "serve",
            "no_web",
            "Não servir a página de votação (ninguém vota pelo telefone)",
            None,
        ),
        arg(
            "serve",
            "headless",
            "Transmitir sem tela aqui: mostra como entrar e espera SIGTERM",
            None,
        ),
        arg(
            "serve",
            "authorized_keys",
            "Dá papéis a chaves públicas: linhas `PAPEL ssh-ed25519 AAAA…`",
            Some("ARQUIVO"),
        ),
        arg(
            "serve",
            "workshop",
            "Para uma sessão nova: a sua oficina, um arquivo de definição (TOML) ou builtin:NOME",
            Some("ARQUIVO"),
        ),
        arg(
            "codes",
            "target",
            "Nome de uma sessão da pasta, ou caminho de um arquivo .json",
            Some("NOME|CAMINHO"),
        ),
        arg(
            "codes",
            "new",
            "Substitui todos os códigos por outros novos",
            None,
        ),
        arg(
            "tokens",
            "target",
            "Nome de uma sessão da pasta, ou caminho de um arquivo .json",
            Some("NOME|CAMINHO"),
        ),
        arg(
            "tokens",
            "per",
            "Para quem são os cartões: delegation (um por país, o padrão) ou person (numerados)",
            None,
        ),
        arg(
            "tokens",
            "count",
            "Garante que haja N cartões por pessoa (os já feitos são mantidos)",
            None,
        ),
        arg(
            "tokens",
            "new",
            "Substitui todos os cartões por outros novos (as chaves anteriores deixam de funcionar)",
            None,
        ),
        arg(
            "tokens",
            "revoke",
            "Anula um cartão na hora: sua chave não serve mais para votar",
            Some("RÓTULO"),
        ),
        arg(
            "tokens",
            "cards",
            "Grava os cartões em Markdown para o pandoc, com uma imagem QR de cada um ao lado",
            Some("ARQUIVO"),
        ),
        arg(
            "tokens",
            "web",
            "O endereço dos links (por padrão, este computador na rede da sala, porta 8080)",
            Some("ENDEREÇO:PORTA"),
        ),
        arg(
            "export",
            "target",
            "Nome de uma sessão da pasta, ou caminho de um arquivo .json",
            Some("NOME|CAMINHO"),
        ),
        arg(
            "export",
            "format",
            "O que gravar: {formats} (o mesmo funciona com `ssh … NOME`)",
            Some("FORMATO"),
        ),
        arg(
            "export",
            "out",
            "Gravar neste arquivo em vez da saída padrão",
            Some("ARQUIVO"),
        ),
    ],
    list_formats: false,
};

static POLL_WORDS: PollWords = PollWords {
    poll: "Votação",
    kind_points: "pontos",
    kind_consent: "consentimento",
    kind_yes_no: "sim / não / abstenção",
    agree: "de acordo",
    live_with: "pode conviver com isso",
    reserve: "ressalva",
    yes: "sim",
    no: "não",
    abstain: "abstenção",
    still_open: "votação aberta, ainda sem resultado",
    secret: "secreta",
    named: "nominal",
    col_poll: "Votação (id)",
    col_kind: "Tipo de votação",
    col_ballot: "Voto",
    col_opened: "Aberta",
    col_closed: "Encerrada",
    col_entitled: "Podiam votar",
    col_voted: "Votaram",
    col_result: "Resultado",
    col_points: "Pontos",
    col_reasons: "Motivos",
    col_card: "Cartão",
    col_answer: "Voto dado",
    col_reason: "Motivo",
};

static POLL_SCREEN: PollScreenWords = PollScreenWords {
    chooser_title: "Nova votação",
    consent_line: "Consentimento por insumo: de acordo / posso conviver com isso / reserva",
    named_line: "Nominal: cada voto fica com o seu cartão",
    secret_line: "Secreta: nenhum voto guarda o seu cartão",
    chooser_keys: "↑↓ tipo · + − pontos · < > máximo · s secreta · Enter abrir · Esc cancelar",
    reading_cards: "Lendo os cartões de votação…",
    no_inputs: "Não há insumos para votar nesta etapa",
    card_keys: "P votou em papel · R anular um cartão",
    paper_title: "Cartão que votou em papel (nome ou número)",
    revoke_title: "Cartão a anular (nome ou número)",
    unknown_card: "Nenhum cartão desta votação tem esse nome",
    close_question: "Encerrar a votação?",
    close_detail: "Os cartões que não votaram não poderão mais votar.",
    closed_title: "Votação encerrada",
    closed_keys: "V revelar resultados · N nova votação · Esc voltar",
    closed_keys_named: "S torná-la secreta (esquecer o que cada cartão votou)",
    results_hidden: "Os resultados aparecem ao encerrar e revelar a votação",
    closed_hidden: "Votação encerrada · resultados ainda ocultos",
    opened: "Votação aberta",
    closed: "Votação encerrada",
    revealed: "Resultados revelados",
    made_secret: "A votação agora é secreta: esqueceu o que cada cartão votou",
    vote_here: "Vote pelo seu telefone",
    web_page: "Página de votação",
    key_poll: "votação: abrir, encerrar, revelar",
};
