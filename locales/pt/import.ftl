# Importar um guia de oração: o formulário, a prévia, o que o importador
# reconheceu (também impresso por `intercede import`) e por que um guia é recusado.

import-title = Importar um guia de oração
import-all-gatherings = ← Todos os encontros
import-lead = Cole o guia como você o recebeu (um folheto, um e-mail, uma página da web) ou envie um arquivo .txt ou .md. Você verá o que o Intercede reconheceu antes de qualquer coisa ser criada.
import-guide-title = Título
import-guide-title-hint = (opcional: senão, é tirado do guia)
import-text = Texto do guia
import-file = …ou um arquivo
import-preview-button = Ver prévia
import-too-large = Esse guia tem mais de { $count } KiB. Divida-o ou cole só a parte de que precisa.
# The title of a guide that has none of its own (the facilitator can rename it).
import-default-title = Guia de oração importado

preview-page-title = Prévia da importação
preview-heading = Prévia: { $title }
preview-will-create =
    Serão criados { $sections ->
        [one] { $sections } seção
       *[other] { $sections } seções
    } e { $count ->
        [one] { $count } motivo
       *[other] { $count } motivos
    } como um encontro em rascunho.
preview-opening = Texto bíblico de abertura: { $reference }.
preview-change-here = Mude aqui os títulos, os tipos e o que é um motivo, ou edite tudo depois.
preview-recognised = O que foi reconhecido
preview-gathering-title = Título do encontro
preview-set-aside = Deixado de lado
preview-set-aside-explain = O cabeçalho de um e-mail encaminhado: não vira motivos e não é guardado no encontro.
preview-introduction = Introdução
preview-no-introduction = Nenhuma encontrada. Os celulares e o projetor mostram só o título antes do primeiro motivo.
preview-introduction-shown = Aparece nos celulares e no projetor antes do primeiro motivo.
preview-section = Seção { $title }
preview-section-description = Descrição da seção
preview-description-as-topic = Fazer disto o primeiro motivo da seção
preview-no-topics = Nenhum motivo.
preview-title = Título
preview-kind = Tipo
preview-pray = Oração
preview-praise = Louvor
preview-sensitive = Sensível
preview-paragraph-is = Este parágrafo é
preview-place-topic = Um motivo
preview-place-description = A descrição da seção
preview-place-introduction = A introdução
preview-place-closing = As palavras finais
preview-minutes = { $count } min
preview-flagged = Marcado como sensível: { $reason }. O projetor mostra: “{ $summary }”
preview-text = Texto
preview-closing = Palavras finais
preview-no-closing = Nenhuma encontrada. Você pode adicionar palavras finais no editor.
preview-closing-shown = Aparecem nos celulares e no projetor quando o encontro termina.
preview-create = Criar este encontro
preview-again = Começar de novo

note-title = Título: { $title }
note-title-replacing = Título: { $title } (no lugar do título do próprio guia, “{ $own }”)
note-title-subject = Título: { $title } (o assunto do e-mail encaminhado; mude se quiser)
note-title-sentence = Título: { $title } (da primeira frase do guia; mude se quiser)
note-title-default = Título: { $title } (o guia não tem linha de título; mude se quiser)
note-set-aside =
    { $count ->
        [one] Deixado de lado: o cabeçalho do e-mail encaminhado ({ $count } linha), não virou motivos
       *[other] Deixado de lado: o cabeçalho do e-mail encaminhado ({ $count } linhas), não virou motivos
    }
note-opening = Texto bíblico de abertura: { $reference }
note-opening-unreferenced = Texto bíblico de abertura: uma citação sem referência
note-no-opening = Nenhum texto bíblico de abertura encontrado
note-no-introduction = Nenhuma introdução encontrada
note-introduction = Introdução: { $glimpse }
note-no-closing = Nenhuma palavra final encontrada
note-closing = Palavras finais: { $glimpse }
note-section =
    { $count ->
        [one] Seção “{ $title }”: { $count } motivo
       *[other] Seção “{ $title }”: { $count } motivos
    }
note-section-praise =
    { $count ->
        [one] Seção “{ $title }”: { $count } motivo ({ $praise } de louvor)
       *[other] Seção “{ $title }”: { $count } motivos ({ $praise } de louvor)
    }
note-sensitive = Sensível: “{ $title }” { $reason }; o projetor mostra um resumo no lugar
note-summary =
    { $count ->
        [one] { $count } motivo
       *[other] { $count } motivos
    } em { $sections ->
        [one] { $sections } seção
       *[other] { $sections } seções
    }, cerca de { $minutes } minutos previstos
reason-words = fala de “{ $words }”
reason-marked = está marcado como sensível no guia

import-error-empty = O guia está vazio. Cole o texto de um guia de oração ou escolha um arquivo que tenha texto.
import-error-too-large = O arquivo é grande demais para importar ({ $bytes } bytes; o limite é 1 MB). Cole só o texto do guia de oração ou divida-o em arquivos menores.
import-error-not-text = Este arquivo não é texto simples. Salve o guia de oração como arquivo .txt ou .md (UTF-8), ou copie o texto e cole aqui.
import-error-bad-json = Isto não é uma exportação de pauta que o Intercede consiga ler ({ $detail }). Escolha o arquivo .json exportado do Intercede, sem alterações.
note-translation = Tradução: { $language } ({ $code })
